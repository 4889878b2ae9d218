/** What other modules use of consents: the service (sign-up records, the write gate, export, erasure). */
export type { ConsentsService } from './consents.service.ts';
