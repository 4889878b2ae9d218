/** What other modules use of moderation: the service (the write gate, /api/me's restriction, the report queue). */
export type { ModerationService } from './moderation.service.ts';
