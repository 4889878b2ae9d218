import { z } from 'zod';

/** 기상청 PTY (강수형태): 0 없음, 1 비, 2 비/눈, 3 눈, 4 소나기. */
export const PRECIPITATIONS = ['none', 'rain', 'rain_snow', 'snow', 'shower'] as const;
export const PrecipitationSchema = z.enum(PRECIPITATIONS);
export type Precipitation = z.infer<typeof PrecipitationSchema>;

/** 기상청 SKY (하늘상태): 1 맑음, 3 구름많음, 4 흐림. */
export const SKIES = ['clear', 'partly_cloudy', 'cloudy'] as const;
export const SkySchema = z.enum(SKIES);
export type Sky = z.infer<typeof SkySchema>;

/** 에어코리아 예보 등급: 좋음, 보통, 나쁨, 매우나쁨. */
export const DUST_GRADES = ['good', 'moderate', 'bad', 'very_bad'] as const;
export const DustGradeSchema = z.enum(DUST_GRADES);
export type DustGrade = z.infer<typeof DustGradeSchema>;

export const WEATHER_ALERTS = ['heat', 'rain', 'cold', 'wind', 'dust'] as const;
export const WeatherAlertSchema = z.enum(WEATHER_ALERTS);
export type WeatherAlert = z.infer<typeof WeatherAlertSchema>;

/**
 * When a forecast warns runners (ADR 021), in one place for the run page, the cards and the reminder:
 * heat from 31 °C (the temperature at which 기상청's 폭염주의보 heat index is usually reached in a humid
 * Korean summer), rain from a 60 % chance or any forecast precipitation, cold at −10 °C and below (한파주의보's
 * morning low), wind from 9 m/s (강풍주의보 is 14 m/s; at 9 m/s running into it is hard work), dust at 나쁨.
 */
export const WEATHER_THRESHOLDS = {
  heatC: 31,
  rainChancePct: 60,
  coldC: -10,
  windMs: 9,
  dust: ['bad', 'very_bad'] as readonly DustGrade[],
} as const;

export const WeatherSchema = z.object({
  /** The forecast hour used (the start time's hour, Asia/Seoul). */
  at: z.iso.datetime({ offset: true }),
  temperatureC: z.number(),
  rainChancePct: z.number().int().min(0).max(100),
  precipitation: PrecipitationSchema,
  sky: SkySchema,
  windMs: z.number().min(0),
  /** Absent without AIRKOREA_SERVICE_KEY, or when AirKorea has no forecast for that day and region. */
  pm10Grade: DustGradeSchema.optional(),
  pm25Grade: DustGradeSchema.optional(),
  alerts: z.array(WeatherAlertSchema),
  source: z.literal('kma'),
});
export type Weather = z.infer<typeof WeatherSchema>;

/** `GET /api/runs/:runId/weather`: null without a key, outside the forecast's reach or when it is not known. */
export const RunWeatherSchema = z.object({ weather: WeatherSchema.nullable() });
export type RunWeather = z.infer<typeof RunWeatherSchema>;

/** The warnings a forecast carries, worst-first order fixed by WEATHER_ALERTS. */
export function weatherAlerts(w: Omit<Weather, 'alerts' | 'at' | 'source'>): WeatherAlert[] {
  const t = WEATHER_THRESHOLDS;
  const on: Record<WeatherAlert, boolean> = {
    heat: w.temperatureC >= t.heatC,
    rain: w.rainChancePct >= t.rainChancePct || w.precipitation !== 'none',
    cold: w.temperatureC <= t.coldC,
    wind: w.windMs >= t.windMs,
    dust: [w.pm10Grade, w.pm25Grade].some((g) => g !== undefined && t.dust.includes(g)),
  };
  return WEATHER_ALERTS.filter((a) => on[a]);
}
