import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './database-outage.ts';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['connection refused', withCode('ECONNREFUSED')],
    ['connection timed out', withCode('ETIMEDOUT')],
    ['admin shutdown', withCode('57P01', 'terminating connection due to administrator command')],
    ['a connection exception of class 08', withCode('08006')],
    ['statement timeout', withCode('57014', 'canceling statement due to statement timeout')],
    ['the pool timing out', new Error('timeout exceeded when trying to connect')],
    ['a terminated connection', new Error('Connection terminated unexpectedly')],
    ['PGlite closed', new Error('PGlite is closed')],
    [
      'wrapped by Drizzle',
      Object.assign(new Error('Failed query: select 1'), { cause: withCode('ECONNREFUSED') }),
    ],
    [
      'both addresses refused',
      Object.assign(new AggregateError([withCode('ECONNREFUSED')]), { code: undefined }),
    ],
  ])('recognises %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', withCode('23505', 'duplicate key value violates unique constraint')],
    ['a syntax error', withCode('42601')],
    ['a bug', new TypeError('cannot read properties of undefined')],
    ['not an error', 'ECONNREFUSED'],
  ])('leaves %s alone', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
