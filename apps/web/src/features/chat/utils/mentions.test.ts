import { describe, expect, it } from 'vitest';
import { activeMention, mentionSegments } from './mentions.ts';

describe('activeMention', () => {
  it('finds the "@…" being typed at the caret', () => {
    expect(activeMention('안녕 @러', 5)).toEqual({ start: 3, query: '러' });
    expect(activeMention('@', 1)).toEqual({ start: 0, query: '' });
    expect(activeMention('mail@example', 12)).toBeNull();
    expect(activeMention('@러너 안녕', 6)).toBeNull();
  });
});

describe('mentionSegments', () => {
  it('highlights members only, exactly', () => {
    const names = new Set(['러너', '크루장', '김 철수']);
    expect(mentionSegments('@러너 @모르는사람 @크루장님 @러너2', names)).toEqual([
      { text: '@러너', mention: true },
      { text: ' @모르는사람 @크루장님 @러너2', mention: false },
    ]);
    expect(mentionSegments('@김 철수, 반가워요', names)).toEqual([
      { text: '@김 철수', mention: true },
      { text: ', 반가워요', mention: false },
    ]);
    expect(mentionSegments('안녕 @크루장', names)).toEqual([
      { text: '안녕 ', mention: false },
      { text: '@크루장', mention: true },
    ]);
  });
});
