import autocannon from 'autocannon';

export interface Scenario {
  name: string;
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Held to the targets (≥ `ratio` of bare Node, p99 ≤ 25 ms); other rows are shown for context. */
  target?: boolean;
  /** The share of bare Node's req/s to reach: issue 3 asks 50% of the runs API, issue 4 40% of courses. */
  ratio?: number;
}

export interface Figures {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  target: boolean;
  ratio: number;
  /**
   * Bare Node answering "ok", measured just before this row: the machine's speed drifts within a run (other
   * tenants of the host), so each row is judged against the yardstick of its own minute.
   */
  okNearby?: number;
}

export const TARGET = { ratio: 0.5, p99Ms: 25 } as const;

/**
 * What a phone's browser sends with every request (issue 19): above all `accept-encoding`, so the server does
 * the compression work a real visit costs. Every scenario and both yardsticks get them.
 */
export const BROWSER_HEADERS: Readonly<Record<string, string>> = {
  accept: 'application/json, text/plain, */*',
  'accept-encoding': 'gzip, deflate, br',
  'accept-language': 'ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7',
  'user-agent':
    'Mozilla/5.0 (Linux; Android 14; SM-S921N) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
};

export async function measure(scenario: Scenario, seconds: number, connections = 50): Promise<Figures> {
  const options = {
    url: scenario.url,
    method: scenario.method ?? 'GET',
    headers: { ...BROWSER_HEADERS, ...scenario.headers },
    body: scenario.body,
    connections,
  };
  await autocannon({ ...options, duration: Math.max(2, Math.round(seconds / 5)) }); // warm-up
  const result = await autocannon({ ...options, duration: seconds });
  return {
    name: scenario.name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    target: scenario.target ?? false,
    ratio: scenario.ratio ?? TARGET.ratio,
  };
}

export interface Burst {
  seconds: number;
  requests: number;
  errors: number;
  non2xx: number;
  p99: number;
}

/**
 * The old system's load test: `total` requests in all over `connections` connections, timed end to end;
 * stopped after `capSeconds` whatever is left (a slow server must not keep the bench running for long).
 */
export async function burst(
  url: string,
  total: number,
  connections: number,
  capSeconds = 120,
): Promise<Burst> {
  const started = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const options = { url, connections, amount: total, timeout: 30, headers: { ...BROWSER_HEADERS } };
    const instance = autocannon(options, (error, done) => {
      clearTimeout(cap);
      if (error) reject(error instanceof Error ? error : new Error('autocannon failed'));
      else resolve(done);
    });
    const cap = setTimeout(() => instance.stop(), capSeconds * 1000);
  });
  return {
    seconds: (performance.now() - started) / 1000,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    p99: result.latency.p99,
  };
}

export const summary = (r: Figures) =>
  `${r.rps.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, errors ${r.errors + r.non2xx}`;

/**
 * One row per scenario with its ratio to both yardsticks: bare Node answering "ok" (the target is judged on it)
 * and bare Node answering the feed's own bytes as the server sends them to a browser (`bytes`).
 */
export function printTable(rows: Figures[], baseline: Figures, bytes?: Figures): void {
  const line = (cells: string[]) =>
    console.log(cells.map((c, i) => (i === 0 ? c.padEnd(46) : c.padStart(9))).join(' '));
  line(['scenario', 'req/s', 'p50 ms', 'p99 ms', '"ok" near', 'vs "ok"', 'vs bytes', 'errors', 'target']);
  const pct = (r: Figures, of: number | undefined) => (of ? `${((r.rps / of) * 100).toFixed(0)}%` : '-');
  for (const r of [baseline, ...rows]) {
    const ok = r.okNearby ?? baseline.rps;
    const pass = r.rps / ok >= r.ratio && r.p99 <= TARGET.p99Ms;
    const yardstick = r === baseline || r === bytes;
    const verdict = yardstick ? '' : r.target ? (pass ? 'PASS' : 'MISS') : pass ? '(pass)' : '(miss)';
    const near = r.okNearby === undefined ? '-' : r.okNearby.toFixed(0);
    const cells = [r.rps.toFixed(0), String(r.p50), String(r.p99), near, pct(r, ok), pct(r, bytes?.rps)];
    line([r.name, ...cells, String(r.errors + r.non2xx), verdict]);
  }
}

/** Bare Node's "ok" for a short while (a quarter of a scenario, at least 2 s): the yardstick of the next row. */
export async function okNearby(url: string, seconds: number): Promise<number> {
  const result = await autocannon({
    url,
    headers: BROWSER_HEADERS,
    connections: 50,
    duration: Math.max(2, Math.round(seconds / 4)),
  });
  return result.requests.average;
}
