import autocannon from 'autocannon';

export interface Scenario {
  name: string;
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

export interface Figures {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

export async function measure(scenario: Scenario, seconds: number, connections = 50): Promise<Figures> {
  const options = {
    url: scenario.url,
    method: scenario.method ?? 'GET',
    headers: scenario.headers,
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
  };
}

export function printTable(rows: Figures[], baseline: Figures): void {
  const line = (cells: string[]) =>
    console.log(cells.map((c, i) => (i === 0 ? c.padEnd(34) : c.padStart(10))).join(' '));
  line(['scenario', 'req/s', 'p50 ms', 'p99 ms', 'vs bare', 'errors']);
  for (const r of [baseline, ...rows]) {
    const ratio = `${((r.rps / baseline.rps) * 100).toFixed(0)}%`;
    line([r.name, r.rps.toFixed(0), String(r.p50), String(r.p99), ratio, String(r.errors + r.non2xx)]);
  }
}
