import { describe, expect, it } from 'vitest';
import { CleanTextSchema, forbiddenCharPath, stripForbiddenChars } from './text.ts';

describe('characters no text may hold', () => {
  it('allows tab, line breaks, Korean and emoji; refuses NUL, C0 controls, U+FFFE/U+FFFF and lone surrogates', () => {
    expect(forbiddenCharPath({ a: '한강\t러닝\r\n🏃‍♀️ 좋아요' })).toBeNull();
    for (const bad of ['\u0000', '\u0001', '\u000b', '\u001f', '\ufffe', '\uffff', '\ud800', 'x\udc00']) {
      expect(forbiddenCharPath({ a: [{ b: `러닝${bad}` }] }), JSON.stringify(bad)).toEqual(['a', 0, 'b']);
    }
  });

  it('checks keys too, survives deep nesting and cycles, and skips what is not plain data', () => {
    expect(forbiddenCharPath({ 'k\u0000': 1 })).toEqual(['k\u0000']);
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(forbiddenCharPath(deep)).toHaveLength(100_000);
    const cycle: Record<string, unknown> = { a: 'ok' };
    cycle.self = cycle;
    expect(forbiddenCharPath(cycle)).toBeNull();
    const query = Object.assign(Object.create(null) as object, { q: 'a\u0000' });
    expect(forbiddenCharPath(query)).toEqual(['q']);
    function Empty() {}
    Empty.prototype = Object.create(null) as object;
    const parsed = Object.assign(Object.create(Empty.prototype) as object, { id: '\u0000' });
    expect(forbiddenCharPath(parsed)).toEqual(['id']);
    expect(forbiddenCharPath(new Map([['a', '\u0000']]))).toBeNull();
  });

  it('as a schema says where and why; strip removes every occurrence', () => {
    const result = CleanTextSchema.safeParse({ title: 'a\u0001' });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ['title'], message: 'text.controlChar' }),
    ]);
    expect(stripForbiddenChars('a\u0001b\u0000c\ud800🏃')).toBe('abc🏃');
  });
});
