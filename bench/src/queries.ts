import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { LocalFileStorage } from '../../apps/server/src/adapters/local-storage.ts';
import { MemoryRateLimiter } from '../../apps/server/src/adapters/memory-rate-limiter.ts';
import { buildApp } from '../../apps/server/src/app.ts';
import { parseEnv } from '../../apps/server/src/config/env.ts';
import type { Database } from '../../apps/server/src/db/client.ts';
import { systemClock } from '../../apps/server/src/ports/clock.ts';
import { logQueries, type LoggedQuery } from '../../apps/server/src/test/query-log.ts';

export interface QueryFigures {
  path: string;
  /** Statements per request at limit=5 and limit=50. */
  small: number;
  large: number;
  plans: PlanSummary[];
}

export interface PlanSummary {
  top: string;
  indexes: string[];
  seqScanOnRuns: boolean;
  ms: number;
}

/**
 * Counts the SQL statements of list requests at two page sizes (no N+1: the counts must be equal) and
 * EXPLAINs the statements that read `runs`, through the real app in this process on the benchmark database.
 */
export async function probeQueries(
  database: Database,
  paths: string[],
  accessToken?: string,
): Promise<QueryFigures[]> {
  const env = parseEnv({
    NODE_ENV: 'production',
    PUBLIC_URL: 'https://bench.erun.example',
    RATE_LIMITS: 'off',
    RESPONSE_CACHE_MS: '0',
  });
  const secret = randomBytes(32).toString('hex');
  const { app } = await buildApp({
    env,
    database,
    storage: new LocalFileStorage(tmpdir()),
    uploadsDir: undefined,
    rateLimiter: new MemoryRateLimiter(systemClock),
    clock: systemClock,
    secrets: { jwt: secret, cookie: secret, phone: secret },
  });
  await app.ready();
  const headers = accessToken ? { authorization: `Bearer ${accessToken}` } : undefined;
  const figures: QueryFigures[] = [];
  try {
    for (const path of paths) {
      const sep = path.includes('?') ? '&' : '?';
      const run = async (limit: number) => {
        const log = logQueries(database);
        const response = await app.inject({ method: 'GET', url: `${path}${sep}limit=${limit}`, headers });
        log.stop();
        if (response.statusCode !== 200) throw new Error(`${path}: ${response.statusCode} ${response.body}`);
        return log.queries;
      };
      const small = await run(5);
      const large = await run(50);
      const plans = await Promise.all(large.filter(readsRuns).map((q) => explain(database, q)));
      figures.push({ path, small: small.length, large: large.length, plans });
    }
  } finally {
    await app.close();
  }
  return figures;
}

const HOT_TABLES = ['runs', 'courses', 'comments'];
// Crews are few (a seq scan of them is fine), but their statements are explained too.
const readsRuns = (q: LoggedQuery) =>
  [...HOT_TABLES, 'crews'].some((table) => q.text.includes(`from "${table}"`));

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

async function explain(database: Database, query: LoggedQuery): Promise<PlanSummary> {
  const { rows } = await database.executeSql(`explain (analyze, format json) ${query.text}`, query.values);
  const [result] = (rows[0] as { 'QUERY PLAN': [{ Plan: PlanNode; 'Execution Time': number }] })[
    'QUERY PLAN'
  ];
  const nodes: PlanNode[] = [];
  const walk = (node: PlanNode) => {
    nodes.push(node);
    node.Plans?.forEach(walk);
  };
  walk(result.Plan);
  return {
    top: nodes
      .slice(0, 3)
      .map((n) => n['Node Type'])
      .join(' > '),
    indexes: [...new Set(nodes.flatMap((n) => (n['Index Name'] ? [n['Index Name']] : [])))],
    // A sequential scan of a big table (runs, courses, comments) means a request reads all of it.
    seqScanOnRuns: nodes.some(
      (n) => n['Node Type'] === 'Seq Scan' && HOT_TABLES.includes(n['Relation Name'] ?? ''),
    ),
    ms: result['Execution Time'],
  };
}
