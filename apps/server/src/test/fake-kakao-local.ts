import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One document of Kakao Local's keyword search, every documented field (coordinates are strings). */
export interface KakaoKeywordDocument {
  id: string;
  place_name: string;
  category_name: string;
  category_group_code: string;
  category_group_name: string;
  phone: string;
  address_name: string;
  road_address_name: string;
  /** Longitude. */
  x: string;
  /** Latitude. */
  y: string;
  place_url: string;
  distance: string;
}

export type FakeKakaoMode = 'ok' | 'error500' | 'slow' | 'garbage' | 'reset';

export interface KakaoRequestSeen {
  path: string;
  query: string | null;
  size: string | null;
  authorization: string | undefined;
}

/**
 * Kakao Local on loopback, answering `GET /v2/local/search/keyword.json` in its documented shape
 * (`{ meta: { total_count, pageable_count, is_end, same_name }, documents: [...] }`), 401 to a wrong key as
 * Kakao does, and misbehaving on demand: a 500, an answer that never comes (`slow`), a body that is not
 * JSON, a dropped connection.
 */
export class FakeKakaoLocal {
  private server: Server | undefined;
  private port = 0;
  private readonly held = new Set<ServerResponse>();
  readonly requests: KakaoRequestSeen[] = [];
  mode: FakeKakaoMode = 'ok';

  constructor(
    readonly restApiKey: string,
    private readonly documents: Record<string, KakaoKeywordDocument[]>,
  ) {}

  /** Starts (or restarts on the same port); resolves to the base URL. */
  async start(): Promise<string> {
    const server = createServer((req, res) => this.answer(req, res));
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    return this.url;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Requests that are being held (`slow`) and not answered yet. */
  get waiting(): number {
    return this.held.size;
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
    const seen = {
      path: url.pathname,
      query: url.searchParams.get('query'),
      size: url.searchParams.get('size'),
      authorization: req.headers.authorization,
    };
    this.requests.push(seen);
    const json = (status: number, body: unknown) =>
      res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8' }).end(JSON.stringify(body));
    if (req.method !== 'GET' || url.pathname !== '/v2/local/search/keyword.json') return json(404, {});
    if (seen.authorization !== `KakaoAK ${this.restApiKey}`)
      return json(401, { errorType: 'AccessDeniedError', message: 'wrong appKey format' });
    if (!seen.query) return json(400, { errorType: 'MissingParameter', message: 'query parameter required' });
    switch (this.mode) {
      case 'error500':
        return json(500, { errorType: 'InternalError', message: 'internal error' });
      case 'slow':
        this.held.add(res);
        res.on('close', () => this.held.delete(res));
        return;
      case 'garbage':
        return res.writeHead(200, { 'content-type': 'text/html' }).end('<html>점검 중</html>');
      case 'reset':
        return req.socket.destroy();
      case 'ok': {
        const size = Math.min(Number(seen.size ?? 15) || 15, 15);
        const found = this.documents[seen.query] ?? [];
        const documents = found.slice(0, size);
        return json(200, {
          meta: {
            total_count: found.length,
            pageable_count: found.length,
            is_end: documents.length === found.length,
            same_name: { region: [], keyword: seen.query, selected_region: '' },
          },
          documents,
        });
      }
    }
  }
}

/** A keyword search document with the fields a test does not care about filled in. */
export function kakaoDocument(
  fields: Pick<KakaoKeywordDocument, 'place_name' | 'address_name' | 'x' | 'y'> &
    Partial<KakaoKeywordDocument>,
): KakaoKeywordDocument {
  return {
    id: '8154047',
    category_name: '여행 > 공원 > 도시근린공원',
    category_group_code: 'AT4',
    category_group_name: '관광명소',
    phone: '',
    road_address_name: '',
    place_url: 'http://place.map.kakao.com/8154047',
    distance: '',
    ...fields,
  };
}
