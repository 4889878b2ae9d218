import type { DustGrade } from '@erun/contracts';
import { z } from 'zod';
import type { DustDay, DustForecastProvider } from '../ports/weather.ts';

export interface AirKoreaForecastConfig {
  /** https://apis.data.go.kr (tests: a fake on loopback). */
  baseUrl: string;
  /** The data.go.kr service key (the decoded form: it is URL-encoded here). */
  serviceKey: string;
  timeoutMs: number;
}

const PATH = '/B552584/ArpltnInforInqireSvc/getMinuDustFrcstDspth';
const KST_MS = 9 * 3_600_000;

const ItemSchema = z.object({
  informCode: z.string(),
  /** The day forecast, `YYYY-MM-DD`. */
  informData: z.string(),
  /** "서울 : 보통,제주 : 좋음,…" */
  informGrade: z.string(),
  /** "2026-12-07 05시 발표" (the issue; later issues replace earlier ones). */
  dataTime: z.string(),
});
/** The documented JSON shape (returnType=json): `response.header.resultCode` and `response.body.items[]`. */
const ResponseSchema = z.object({
  response: z.object({
    header: z.object({ resultCode: z.string(), resultMsg: z.string().optional() }),
    body: z.object({ items: z.array(ItemSchema).nullable().default([]) }).optional(),
  }),
});

const GRADES: Record<string, DustGrade> = {
  좋음: 'good',
  보통: 'moderate',
  나쁨: 'bad',
  매우나쁨: 'very_bad',
};

/** "서울 : 보통,제주 : 좋음" → 서울 → moderate, 제주 → good; unknown grades ("예보없음") are left out. */
export function gradesOf(informGrade: string): Map<string, DustGrade> {
  const grades = new Map<string, DustGrade>();
  for (const part of informGrade.split(',')) {
    const [area, grade] = part.split(':').map((s) => s.trim());
    const known = grade ? GRADES[grade.replaceAll(' ', '')] : undefined;
    if (area && known) grades.set(area, known);
  }
  return grades;
}

/** The latest issue's grades for each forecast day. */
export function dustDaysOf(items: z.infer<typeof ItemSchema>[]): Map<string, DustDay> {
  const latest = [...items].sort((a, b) => a.dataTime.localeCompare(b.dataTime));
  const days = new Map<string, DustDay>();
  for (const item of latest) {
    const code = item.informCode.toUpperCase();
    if (code !== 'PM10' && code !== 'PM25') continue;
    const day = days.get(item.informData) ?? { pm10: new Map(), pm25: new Map() };
    const grades = gradesOf(item.informGrade);
    if (grades.size > 0) day[code === 'PM10' ? 'pm10' : 'pm25'] = grades;
    days.set(item.informData, day);
  }
  return days;
}

/** 에어코리아 대기오염정보, getMinuDustFrcstDspth (공공데이터포털 15073861): PM10 and PM2.5 forecasts. */
export class AirKoreaForecast implements DustForecastProvider {
  constructor(private readonly config: AirKoreaForecastConfig) {}

  async dust(now: Date): Promise<Map<string, DustDay>> {
    const url = new URL(PATH, this.config.baseUrl);
    const q = url.searchParams;
    q.set('serviceKey', this.config.serviceKey);
    q.set('returnType', 'json');
    q.set('numOfRows', '100');
    q.set('pageNo', '1');
    q.set('searchDate', new Date(now.getTime() + KST_MS).toISOString().slice(0, 10));
    q.set('ver', '1.1');
    const response = await fetch(url, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(this.config.timeoutMs),
      redirect: 'error',
    });
    const text = await response.text();
    if (text.trimStart().startsWith('<')) throw new Error('AirKorea refused the request (XML error body)');
    if (!response.ok) throw new Error(`AirKorea answered ${response.status}`);
    const body = ResponseSchema.parse(JSON.parse(text));
    const { resultCode, resultMsg } = body.response.header;
    if (resultCode === '03') return new Map();
    if (resultCode !== '00') throw new Error(`AirKorea result ${resultCode} ${resultMsg ?? ''}`);
    return dustDaysOf(body.response.body?.items ?? []);
  }
}
