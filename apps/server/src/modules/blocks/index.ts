/** What other modules use of blocks: SQL for one-statement reads (folding, suggestions). */
export { blockedBy, blockedEitherWay } from './blocks.sql.ts';
