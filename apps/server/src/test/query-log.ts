import type { Database } from '../db/client.ts';

export interface LoggedQuery {
  text: string;
  values: unknown[];
}

interface QueryableClient {
  query: (...args: unknown[]) => Promise<unknown>;
}

/**
 * Records every statement the app sends through the database driver (the pg pool or PGlite instance under
 * Drizzle, and `executeSql`), so tests and the benchmark can count queries per request. Statements inside
 * transactions run on a checked-out pg client and are not seen: the read paths measured use none.
 */
export function logQueries(database: Database): { queries: LoggedQuery[]; stop: () => void } {
  const client = (database.db as unknown as { $client: QueryableClient }).$client;
  const original = client.query;
  const queries: LoggedQuery[] = [];
  client.query = function (this: unknown, ...args: unknown[]) {
    const [first, values] = args;
    const text = typeof first === 'string' ? first : (first as { text: string }).text;
    queries.push({ text, values: Array.isArray(values) ? values : [] });
    return original.apply(this, args);
  };
  return { queries, stop: () => void (client.query = original) };
}
