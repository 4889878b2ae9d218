import { DUST_GRADES, type Weather, weatherAlerts, type WeatherAlert } from '@erun/contracts';
import { LRUCache } from 'lru-cache';
import { CircuitBreaker } from '../../lib/circuit-breaker.ts';
import { kmaGridOf } from '../../lib/kma-grid.ts';
import type { Clock } from '../../ports/clock.ts';
import type {
  CellForecast,
  DustDay,
  DustForecastProvider,
  ForecastProvider,
  HourlyForecast,
} from '../../ports/weather.ts';
import type { RunPlaceTime } from '../runs/index.ts';
import { dustAreaOf } from './dust-areas.ts';

export interface WeatherServiceDeps {
  clock: Clock;
  /** 기상청 단기예보 when KMA_SERVICE_KEY is set; absent: no forecast is ever shown or fetched. */
  kma?: ForecastProvider;
  /** 에어코리아 when AIRKOREA_SERVICE_KEY is set (only used together with KMA). */
  airkorea?: DustForecastProvider;
  /** Told when a provider failed or was skipped; the caller still gets an answer (without that part). */
  onProviderError?: (provider: 'kma' | 'airkorea', error: unknown) => void;
  /** Consecutive failures that open a provider's circuit, and for how long (default 5, 60 s). */
  breaker?: { threshold: number; cooldownMs: number };
}

/** The short-term forecast reaches about three days ahead; runs further out are not asked about. */
export const WEATHER_HORIZON_MS = 3 * 24 * 3_600_000;
/** A cell's forecast is asked again after this long (KMA issues every 3 hours). */
const FRESH_MS = 30 * 60_000;
/** Cards read the cache only and accept an answer this old. */
const USABLE_MS = 3 * 3_600_000;
const DUST_FRESH_MS = 60 * 60_000;
const HOUR_MS = 3_600_000;
const KST_MS = 9 * HOUR_MS;

interface Stamped<T> {
  value: T;
  fetchedAt: number;
}

/**
 * The forecast at a run's start time and place (ADR 021). Forecasts are kept per grid cell in memory (one
 * call answers every hour of a cell for three days), concurrent asks for the same cell share one call, and a
 * provider that keeps failing is skipped for a while (a circuit breaker). A failure never fails the caller:
 * the answer is null, or the forecast without dust grades.
 */
export class WeatherService {
  private readonly cells = new LRUCache<string, Stamped<CellForecast>>({ max: 5000 });
  private readonly inflight = new Map<string, Promise<CellForecast | null>>();
  private dustDays: Stamped<Map<string, DustDay>> | undefined;
  private dustInflight: Promise<Map<string, DustDay> | null> | undefined;
  private readonly kmaBreaker: CircuitBreaker;
  private readonly airBreaker: CircuitBreaker;

  constructor(private readonly deps: WeatherServiceDeps) {
    const { threshold, cooldownMs } = deps.breaker ?? { threshold: 5, cooldownMs: 60_000 };
    this.kmaBreaker = new CircuitBreaker({
      failures: threshold,
      cooldownMs,
      now: () => deps.clock.now().getTime(),
    });
    this.airBreaker = new CircuitBreaker({
      failures: threshold,
      cooldownMs,
      now: () => deps.clock.now().getTime(),
    });
  }

  /** False without KMA_SERVICE_KEY: every answer is null and nothing is fetched. */
  get enabled(): boolean {
    return this.deps.kma !== undefined;
  }

  /** The forecast for the run's start; null without a key, outside the horizon, or when none is known. */
  async forecastForRun(run: RunPlaceTime): Promise<Weather | null> {
    const now = this.deps.clock.now();
    const target = this.targetHour(run, now);
    if (target === null) return null;
    const cell = kmaGridOf(run.lat, run.lng);
    const [forecast, dust] = await Promise.all([this.cell(cell, now), this.dust(now)]);
    return compose(run, target, forecast, dust);
  }

  /** The forecast from what is already cached, never a call (lists and cards); null when not cached. */
  cachedForRun(run: RunPlaceTime): Weather | null {
    const now = this.deps.clock.now();
    const target = this.targetHour(run, now);
    if (target === null) return null;
    const { nx, ny } = kmaGridOf(run.lat, run.lng);
    const cached = this.cells.get(`${nx},${ny}`);
    if (!cached || now.getTime() - cached.fetchedAt > USABLE_MS) return null;
    const dust =
      this.dustDays && now.getTime() - this.dustDays.fetchedAt <= USABLE_MS ? this.dustDays.value : null;
    return compose(run, target, cached.value, dust);
  }

  /**
   * The values of a D-day reminder's forecast line (`wxAt`, `wxTemp`, `wxRain`, `wxWind`, `wxDust` — the worse
   * of the two dust grades), or null when there is no forecast. Flat, as notification data is.
   */
  async reminderData(run: RunPlaceTime): Promise<Record<string, string | number> | null> {
    const w = await this.forecastForRun(run);
    if (!w) return null;
    const grades = [w.pm10Grade, w.pm25Grade].filter((g) => g !== undefined);
    const worst = grades.sort((a, b) => DUST_GRADES.indexOf(b) - DUST_GRADES.indexOf(a))[0];
    return {
      wxAt: w.at,
      wxTemp: Math.round(w.temperatureC),
      wxRain: w.rainChancePct,
      wxWind: Math.round(w.windMs * 10) / 10,
      ...(worst ? { wxDust: worst } : {}),
    };
  }

  /** Each run's warnings from the cache only (runs with none are left out). */
  alertsFromCache(runs: RunPlaceTime[]): Map<string, WeatherAlert[]> {
    const alerts = new Map<string, WeatherAlert[]>();
    if (!this.enabled) return alerts;
    for (const run of runs) {
      const found = this.cachedForRun(run)?.alerts ?? [];
      if (found.length > 0) alerts.set(run.id, found);
    }
    return alerts;
  }

  /** Fills the cache for these runs' cells, at most `maxCells` distinct cells; resolves to the cells asked. */
  async warm(runs: RunPlaceTime[], maxCells: number): Promise<number> {
    if (!this.enabled) return 0;
    const now = this.deps.clock.now();
    const cells = new Map<string, { nx: number; ny: number }>();
    for (const run of runs) {
      if (this.targetHour(run, now) === null) continue;
      const cell = kmaGridOf(run.lat, run.lng);
      cells.set(`${cell.nx},${cell.ny}`, cell);
      if (cells.size >= maxCells) break;
    }
    for (const cell of cells.values()) await this.cell(cell, now);
    if (cells.size > 0) await this.dust(now);
    return cells.size;
  }

  /** The start's hour (rounded), or the coming hour for a run under way; null when not to be forecast. */
  private targetHour(run: RunPlaceTime, now: Date): Date | null {
    if (!this.enabled || run.cancelled || run.endsAt <= now) return null;
    if (run.startsAt.getTime() - now.getTime() > WEATHER_HORIZON_MS) return null;
    const start = Math.round(run.startsAt.getTime() / HOUR_MS) * HOUR_MS;
    const coming = Math.ceil(now.getTime() / HOUR_MS) * HOUR_MS;
    return new Date(Math.max(start, coming));
  }

  private cell(cell: { nx: number; ny: number }, now: Date): Promise<CellForecast | null> {
    const key = `${cell.nx},${cell.ny}`;
    const cached = this.cells.get(key);
    if (cached && now.getTime() - cached.fetchedAt < FRESH_MS) return Promise.resolve(cached.value);
    const running = this.inflight.get(key);
    if (running) return running;
    const kma = this.deps.kma;
    if (!kma) return Promise.resolve(null);
    const call = this.kmaBreaker
      .run(() => kma.forecast(cell, now))
      .then((value) => {
        this.cells.set(key, { value, fetchedAt: this.deps.clock.now().getTime() });
        return value;
      })
      .catch((error: unknown) => {
        this.deps.onProviderError?.('kma', error);
        // An older answer is still better than none while the provider is down.
        return cached?.value ?? null;
      })
      .finally(() => this.inflight.delete(key));
    this.inflight.set(key, call);
    return call;
  }

  private dust(now: Date): Promise<Map<string, DustDay> | null> {
    const air = this.deps.airkorea;
    if (!air) return Promise.resolve(null);
    const cached = this.dustDays;
    if (cached && now.getTime() - cached.fetchedAt < DUST_FRESH_MS) return Promise.resolve(cached.value);
    this.dustInflight ??= this.airBreaker
      .run(() => air.dust(now))
      .then((value) => {
        this.dustDays = { value, fetchedAt: this.deps.clock.now().getTime() };
        return value;
      })
      .catch((error: unknown) => {
        this.deps.onProviderError?.('airkorea', error);
        return cached?.value ?? null;
      })
      .finally(() => (this.dustInflight = undefined));
    return this.dustInflight;
  }
}

function compose(
  run: RunPlaceTime,
  target: Date,
  forecast: CellForecast | null,
  dust: Map<string, DustDay> | null,
): Weather | null {
  const hour = forecast?.hours.find((h: HourlyForecast) => h.at.getTime() === target.getTime());
  if (!hour) return null;
  const day = dust?.get(new Date(target.getTime() + KST_MS).toISOString().slice(0, 10));
  const area = dustAreaOf(run.region, run.lat, run.lng);
  const pm10Grade = day?.pm10.get(area);
  const pm25Grade = day?.pm25.get(area);
  const fields = {
    temperatureC: hour.temperatureC,
    rainChancePct: hour.rainChancePct,
    precipitation: hour.precipitation,
    sky: hour.sky,
    windMs: hour.windMs,
    ...(pm10Grade ? { pm10Grade } : {}),
    ...(pm25Grade ? { pm25Grade } : {}),
  };
  return { at: target.toISOString(), ...fields, alerts: weatherAlerts(fields), source: 'kma' };
}
