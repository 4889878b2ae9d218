import type { Precipitation, Sky } from '@erun/contracts';
import { z } from 'zod';
import type { CellForecast, ForecastProvider, HourlyForecast } from '../ports/weather.ts';

export interface KmaForecastConfig {
  /** https://apis.data.go.kr (tests: a fake on loopback). */
  baseUrl: string;
  /** The data.go.kr service key (the decoded form: it is URL-encoded here). */
  serviceKey: string;
  /** The whole call gives up after this long. */
  timeoutMs: number;
}

const PATH = '/1360000/VilageFcstInfoService_2.0/getVilageFcst';
/** Issues (발표시각, KST) of the short-term forecast; each is served from about ten minutes past. */
const ISSUE_HOURS = [2, 5, 8, 11, 14, 17, 20, 23];
const ISSUE_DELAY_MS = 10 * 60_000;
const KST_MS = 9 * 3_600_000;
/** One issue is about 12 categories × up to ~80 hours; one page holds them all. */
const ROWS = 1000;

const ItemSchema = z.object({
  category: z.string(),
  fcstDate: z.string().regex(/^\d{8}$/),
  fcstTime: z.string().regex(/^\d{4}$/),
  fcstValue: z.string(),
});
/** The documented JSON shape: `response.header.resultCode` "00" with `body.items.item[]`, "03" NO_DATA without. */
const ResponseSchema = z.object({
  response: z.object({
    header: z.object({ resultCode: z.string(), resultMsg: z.string().optional() }),
    body: z.object({ items: z.object({ item: z.array(ItemSchema) }) }).optional(),
  }),
});

/** A refused key or quota: data.go.kr answers an `<OpenAPI_ServiceResponse>` XML body even to dataType=JSON. */
export class KmaServiceError extends Error {}

/** `YYYYMMDD` and `HHmm` of the latest issue available at `now`. */
export function latestIssue(now: Date): { baseDate: string; baseTime: string } {
  const kst = new Date(now.getTime() - ISSUE_DELAY_MS + KST_MS);
  let hour = [...ISSUE_HOURS].reverse().find((h) => h <= kst.getUTCHours());
  if (hour === undefined) {
    kst.setUTCDate(kst.getUTCDate() - 1);
    hour = 23;
  }
  const date = kst.toISOString().slice(0, 10).replaceAll('-', '');
  return { baseDate: date, baseTime: `${String(hour).padStart(2, '0')}00` };
}

/** `20261207` + `0600` (KST) → the instant. */
function kstInstant(date: string, time: string): Date {
  const iso = `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T${time.slice(0, 2)}:${time.slice(2)}:00+09:00`;
  return new Date(iso);
}

const PTY: Record<string, Precipitation> = {
  '0': 'none',
  '1': 'rain',
  '2': 'rain_snow',
  '3': 'snow',
  '4': 'shower',
};
const SKY: Record<string, Sky> = { '1': 'clear', '3': 'partly_cloudy', '4': 'cloudy' };

/** The items of one issue as hours; an hour missing one of TMP, POP, PTY, SKY, WSD is left out. */
export function hoursOf(items: z.infer<typeof ItemSchema>[]): HourlyForecast[] {
  const byHour = new Map<string, Map<string, string>>();
  for (const item of items) {
    const key = item.fcstDate + item.fcstTime;
    const values = byHour.get(key) ?? new Map<string, string>();
    values.set(item.category, item.fcstValue.trim());
    byHour.set(key, values);
  }
  const hours: HourlyForecast[] = [];
  for (const [key, v] of byHour) {
    const temperatureC = Number(v.get('TMP'));
    const rainChancePct = Number(v.get('POP'));
    const windMs = Number(v.get('WSD'));
    const precipitation = PTY[v.get('PTY') ?? ''];
    const sky = SKY[v.get('SKY') ?? ''];
    const numbers = [temperatureC, rainChancePct, windMs];
    // Number(undefined) is NaN: a missing category drops the hour too.
    if (!precipitation || !sky || numbers.some((n) => !Number.isFinite(n))) continue;
    hours.push({
      at: kstInstant(key.slice(0, 8), key.slice(8)),
      temperatureC,
      rainChancePct: Math.min(100, Math.max(0, Math.round(rainChancePct))),
      precipitation,
      sky,
      windMs: Math.max(0, windMs),
    });
  }
  return hours.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** 기상청 단기예보 조회서비스, getVilageFcst (공공데이터포털 15084084). */
export class KmaForecast implements ForecastProvider {
  constructor(private readonly config: KmaForecastConfig) {}

  async forecast(cell: { nx: number; ny: number }, now: Date): Promise<CellForecast> {
    const { baseDate, baseTime } = latestIssue(now);
    const url = new URL(PATH, this.config.baseUrl);
    const q = url.searchParams;
    q.set('serviceKey', this.config.serviceKey);
    q.set('pageNo', '1');
    q.set('numOfRows', String(ROWS));
    q.set('dataType', 'JSON');
    q.set('base_date', baseDate);
    q.set('base_time', baseTime);
    q.set('nx', String(cell.nx));
    q.set('ny', String(cell.ny));
    const response = await fetch(url, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(this.config.timeoutMs),
      redirect: 'error',
    });
    const text = await response.text();
    if (text.trimStart().startsWith('<')) throw new KmaServiceError(`KMA refused: ${reasonOf(text)}`);
    if (!response.ok) throw new Error(`KMA answered ${response.status}`);
    const body = ResponseSchema.parse(JSON.parse(text));
    const { resultCode, resultMsg } = body.response.header;
    const issuedAt = baseDate + baseTime;
    if (resultCode === '03') return { issuedAt, hours: [] };
    if (resultCode !== '00') throw new KmaServiceError(`KMA result ${resultCode} ${resultMsg ?? ''}`);
    return { issuedAt, hours: hoursOf(body.response.body?.items.item ?? []) };
  }
}

/** `SERVICE_KEY_IS_NOT_REGISTERED_ERROR (30)` from the XML error body (never the key itself). */
export function reasonOf(xml: string): string {
  const auth = /<returnAuthMsg>([^<]{0,100})<\/returnAuthMsg>/.exec(xml)?.[1];
  const code = /<returnReasonCode>([^<]{0,10})<\/returnReasonCode>/.exec(xml)?.[1];
  return `${auth ?? 'unknown error'}${code ? ` (${code})` : ''}`;
}
