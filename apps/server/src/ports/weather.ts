import type { DustGrade, Precipitation, Sky } from '@erun/contracts';

/** One hour of a short-term forecast for a grid cell. */
export interface HourlyForecast {
  /** The hour it is for. */
  at: Date;
  temperatureC: number;
  rainChancePct: number;
  precipitation: Precipitation;
  sky: Sky;
  windMs: number;
}

/** A grid cell's forecast as issued at one base time (발표시각). */
export interface CellForecast {
  /** The issue it comes from, `YYYYMMDDHHmm` in Asia/Seoul. */
  issuedAt: string;
  /** Empty when the provider has nothing for that cell and issue (KMA's NO_DATA). */
  hours: HourlyForecast[];
}

/** The short-term forecast (기상청 단기예보) by 5 km grid cell. */
export interface ForecastProvider {
  /**
   * The latest issue available at `now` for the cell. Rejects when the provider could not answer (down, slow,
   * a refused key, a body we cannot read); resolves with no hours when it has no forecast for the cell.
   */
  forecast(cell: { nx: number; ny: number }, now: Date): Promise<CellForecast>;
}

/** A day's dust forecast grades by forecast area ("서울", "경기남부", "영동"…). */
export interface DustDay {
  pm10: Map<string, DustGrade>;
  pm25: Map<string, DustGrade>;
}

/** The fine-dust forecast (에어코리아 미세먼지 예보). */
export interface DustForecastProvider {
  /** The latest grades issued on or before `now` for each forecast date (`YYYY-MM-DD`); rejects on failure. */
  dust(now: Date): Promise<Map<string, DustDay>>;
}
