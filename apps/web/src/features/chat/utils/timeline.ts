import type { ChatMessage } from '@erun/contracts';
import { seoulParts } from '../../../lib/datetime.ts';

export interface TimelineEntry {
  message: ChatMessage;
  mine: boolean;
  /** First message of a Seoul day: a day separator goes before it. */
  newDay: boolean;
  /** The first unread message: the "read up to here" line goes before it. */
  unreadStart: boolean;
  /** Follows a message by the same author: no avatar and name again. */
  continued: boolean;
}

/**
 * Messages oldest first with what the screen draws around them. The unread line marks the first message by
 * someone else after my read marker; without a marker (first visit) there is no line.
 */
export function timelineOf(
  messages: ChatMessage[],
  meId: string,
  lastReadAt: string | null,
): TimelineEntry[] {
  const readAt = lastReadAt === null ? null : Date.parse(lastReadAt);
  let unreadFound = false;
  let previous: ChatMessage | undefined;
  const entries: TimelineEntry[] = [];
  for (const message of messages) {
    const mine = message.author.id === meId;
    const newDay =
      previous === undefined || seoulParts(previous.createdAt).day !== seoulParts(message.createdAt).day;
    const unreadStart = !unreadFound && readAt !== null && !mine && Date.parse(message.createdAt) > readAt;
    if (unreadStart) unreadFound = true;
    const continued = !newDay && !unreadStart && previous?.author.id === message.author.id;
    entries.push({ message, mine, newDay, unreadStart, continued });
    previous = message;
  }
  return entries;
}
