/** What other modules use of blocks: SQL for one-statement reads (folding, suggestions), and the service. */
export { blockedBy, blockedEitherWay, hasBlocked } from './blocks.sql.ts';
export type { BlocksService, UnblockedRecipients } from './blocks.service.ts';
