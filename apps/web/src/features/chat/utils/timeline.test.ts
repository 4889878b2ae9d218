import type { ChatMessage } from '@erun/contracts';
import { describe, expect, it } from 'vitest';
import { timelineOf } from './timeline.ts';

const ME = '11111111-1111-4111-8111-111111111111';
const YOU = '22222222-2222-4222-8222-222222222222';
let n = 0;
function message(author: string, createdAt: string): ChatMessage {
  n += 1;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    runId: '33333333-3333-4333-8333-333333333333',
    crewId: null,
    author: { id: author, nickname: author === ME ? '나' : '너', avatar: null },
    content: `m${n}`,
    hidden: false,
    createdAt,
  };
}

describe('timelineOf', () => {
  it('separates Seoul days, groups runs of one author and marks the first unread message by others', () => {
    const messages = [
      // 23:50 and 23:55 in Seoul on 12-05, then 00:10 on 12-06.
      message(YOU, '2026-12-05T14:50:00Z'),
      message(YOU, '2026-12-05T14:55:00Z'),
      message(ME, '2026-12-05T15:10:00Z'),
      message(ME, '2026-12-05T15:20:00Z'),
      message(YOU, '2026-12-05T15:30:00Z'),
    ];
    const entries = timelineOf(messages, ME, '2026-12-05T15:00:00Z');
    expect(entries.map((e) => e.newDay)).toEqual([true, false, true, false, false]);
    expect(entries.map((e) => e.continued)).toEqual([false, true, false, true, false]);
    expect(entries.map((e) => e.mine)).toEqual([false, false, true, true, false]);
    // My own messages after the marker are not unread; the next one by someone else is.
    expect(entries.map((e) => e.unreadStart)).toEqual([false, false, false, false, true]);
  });

  it('draws no unread line without a read marker', () => {
    const entries = timelineOf([message(YOU, '2026-12-05T14:50:00Z')], ME, null);
    expect(entries[0]?.unreadStart).toBe(false);
  });
});
