import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One hour's values as 기상청 writes them (codes and numbers as strings). */
export interface KmaHour {
  TMP: string;
  POP: string;
  /** 0 없음, 1 비, 2 비/눈, 3 눈, 4 소나기. */
  PTY: string;
  /** 1 맑음, 3 구름많음, 4 흐림. */
  SKY: string;
  WSD: string;
}

export type FakeMode = 'ok' | 'key_error' | 'no_data' | 'slow' | 'error500';

export interface FakeRequestSeen {
  path: string;
  params: Record<string, string>;
}

const KMA_PATH = '/1360000/VilageFcstInfoService_2.0/getVilageFcst';
const AIR_PATH = '/B552584/ArpltnInforInqireSvc/getMinuDustFrcstDspth';
const HOUR = 3_600_000;
const KST = 9 * HOUR;
/** The 19 areas of 에어코리아's forecast, in its order. */
export const DUST_AREAS = [
  '서울',
  '제주',
  '전남',
  '전북',
  '광주',
  '경남',
  '경북',
  '울산',
  '대구',
  '부산',
  '충남',
  '충북',
  '세종',
  '대전',
  '영동',
  '영서',
  '경기남부',
  '경기북부',
  '인천',
];

/** The data.go.kr service-key error: an XML body, whatever dataType/returnType asked for (HTTP 200). */
const KEY_ERROR_XML = `<OpenAPI_ServiceResponse>
	<cmmMsgHeader>
		<errMsg>SERVICE ERROR</errMsg>
		<returnAuthMsg>SERVICE_KEY_IS_NOT_REGISTERED_ERROR</returnAuthMsg>
		<returnReasonCode>30</returnReasonCode>
	</cmmMsgHeader>
</OpenAPI_ServiceResponse>`;

/**
 * 공공데이터포털 (apis.data.go.kr) on loopback for the two services the weather uses, in their documented shapes:
 * 기상청 단기예보 getVilageFcst (dataType=JSON: `response.header` + `response.body.items.item[]`, every category
 * of each hour from the next hour for three days; resultCode 03 NO_DATA) and 에어코리아
 * getMinuDustFrcstDspth (returnType=json: `response.body.items[]` with informCode, informData, informGrade
 * "서울 : 보통,…", dataTime). A wrong key gets the portal's XML error. Misbehaves on demand per service.
 */
export class FakeDataGoKr {
  private server: Server | undefined;
  private port = 0;
  private readonly held = new Set<ServerResponse>();
  readonly requests: FakeRequestSeen[] = [];
  kmaMode: FakeMode = 'ok';
  airMode: FakeMode = 'ok';
  /** The forecast at an hour of a cell (default: 18 °C, 20 %, dry, clear, 2 m/s). */
  weatherAt: (nx: number, ny: number, at: Date) => KmaHour = () => ({
    TMP: '18',
    POP: '20',
    PTY: '0',
    SKY: '1',
    WSD: '2.1',
  });
  /** Grades per area in Korean (default 보통 everywhere); an area left out is not forecast. */
  dustGrades: { pm10: Record<string, string>; pm25: Record<string, string> } = {
    pm10: Object.fromEntries(DUST_AREAS.map((a) => [a, '보통'])),
    pm25: Object.fromEntries(DUST_AREAS.map((a) => [a, '보통'])),
  };

  constructor(readonly serviceKey: string) {}

  async start(port = this.port): Promise<string> {
    const server = createServer((req, res) => this.answer(req, res));
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    return this.url;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  count(service: 'kma' | 'airkorea'): number {
    const path = service === 'kma' ? KMA_PATH : AIR_PATH;
    return this.requests.filter((r) => r.path === path).length;
  }

  async stop(): Promise<void> {
    for (const res of this.held) res.destroy();
    this.held.clear();
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private answer(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://fake');
    const params = Object.fromEntries(url.searchParams);
    this.requests.push({ path: url.pathname, params });
    const isKma = url.pathname === KMA_PATH;
    if (req.method !== 'GET' || (!isKma && url.pathname !== AIR_PATH))
      return res.writeHead(404, { 'content-type': 'text/plain' }).end('Unexpected errors');
    const mode = isKma ? this.kmaMode : this.airMode;
    if (params.serviceKey !== this.serviceKey || mode === 'key_error')
      return res.writeHead(200, { 'content-type': 'text/xml;charset=UTF-8' }).end(KEY_ERROR_XML);
    const json = (status: number, body: unknown) =>
      res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8' }).end(JSON.stringify(body));
    switch (mode) {
      case 'error500':
        return res.writeHead(500, { 'content-type': 'text/plain' }).end('Internal Server Error');
      case 'slow':
        this.held.add(res);
        res.on('close', () => this.held.delete(res));
        return;
      case 'no_data':
        return json(200, { response: { header: { resultCode: '03', resultMsg: 'NO_DATA' } } });
      default:
        return json(200, isKma ? this.kmaBody(params) : this.airBody(params));
    }
  }

  private kmaBody(p: Record<string, string>) {
    const baseDate = p.base_date ?? '';
    const baseTime = p.base_time ?? '';
    const nx = Number(p.nx);
    const ny = Number(p.ny);
    const base = Date.parse(
      `${baseDate.slice(0, 4)}-${baseDate.slice(4, 6)}-${baseDate.slice(6)}T${baseTime.slice(0, 2)}:00:00+09:00`,
    );
    const item: Record<string, string | number>[] = [];
    for (let at = base + HOUR; at <= base + 72 * HOUR; at += HOUR) {
      const kst = new Date(at + KST).toISOString();
      const fcstDate = kst.slice(0, 10).replaceAll('-', '');
      const fcstTime = kst.slice(11, 13) + '00';
      const w = this.weatherAt(nx, ny, new Date(at));
      const values: [string, string][] = [
        ['TMP', w.TMP],
        ['UUU', '-1.2'],
        ['VVV', '1.5'],
        ['VEC', '320'],
        ['WSD', w.WSD],
        ['SKY', w.SKY],
        ['PTY', w.PTY],
        ['POP', w.POP],
        ['WAV', '0'],
        ['PCP', w.PTY === '0' ? '강수없음' : '1.0mm'],
        ['REH', '60'],
        ['SNO', '적설없음'],
      ];
      for (const [category, fcstValue] of values)
        item.push({ baseDate, baseTime, category, fcstDate, fcstTime, fcstValue, nx, ny });
    }
    const rows = Number(p.numOfRows ?? 10);
    return {
      response: {
        header: { resultCode: '00', resultMsg: 'NORMAL_SERVICE' },
        body: {
          dataType: 'JSON',
          items: { item: item.slice(0, rows) },
          pageNo: Number(p.pageNo ?? 1),
          numOfRows: rows,
          totalCount: item.length,
        },
      },
    };
  }

  private airBody(p: Record<string, string>) {
    const today = p.searchDate ?? '';
    const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 24 * HOUR).toISOString().slice(0, 10);
    const grade = (g: Record<string, string>) =>
      Object.entries(g)
        .map(([area, value]) => `${area} : ${value}`)
        .join(',');
    const items = [];
    for (const [code, grades] of [
      ['PM10', this.dustGrades.pm10],
      ['PM25', this.dustGrades.pm25],
    ] as const) {
      for (const informData of [today, tomorrow]) {
        // An earlier issue of the day first, saying 좋음 everywhere: the latest issue must win.
        for (const [dataTime, g] of [
          [`${today} 05시 발표`, Object.fromEntries(DUST_AREAS.map((a) => [a, '좋음']))],
          [`${today} 11시 발표`, grades],
        ] as const) {
          items.push({
            informCode: code,
            informData,
            informGrade: grade(g),
            dataTime,
            informCause: '○ [미세먼지] 원활한 대기 확산으로 대기질이 대체로 청정할 것으로 예상됩니다.',
            informOverall: "○ [미세먼지] 전 권역이 '좋음'∼'보통'으로 예상됩니다.",
            actionKnack: null,
            imageUrl1: 'https://www.airkorea.or.kr/file/viewImage/?atch_id=1',
          });
        }
      }
    }
    return {
      response: {
        body: { totalCount: items.length, items, pageNo: 1, numOfRows: 100 },
        header: { resultMsg: 'NORMAL_CODE', resultCode: '00' },
      },
    };
  }
}
