import type { Notification } from '@erun/contracts';
import { RUN_ID } from './fixtures.ts';

const ACTOR_ID = '4b5c6d7e-8f9a-4b0c-8d1e-2f3a4b5c6d7e';

/** A notification: by default someone joined the fixture run three minutes ago, unread. */
export function notificationFixture(overrides: Partial<Notification> = {}): Notification {
  return {
    id: crypto.randomUUID(),
    category: 'run_joined',
    actor: { id: ACTOR_ID, nickname: '빠른토끼', avatar: null },
    data: { title: '토요일 아침 한강 10K', status: 'joined' },
    link: `/runs/${RUN_ID}`,
    read: false,
    createdAt: new Date(Date.now() - 3 * 60_000).toISOString(),
    ...overrides,
  };
}
