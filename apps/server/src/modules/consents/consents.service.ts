import {
  type AcceptConsents,
  CONSENT_VERSIONS,
  type ConsentDocument,
  type ConsentRecord,
  type ConsentState,
  type MarketingConsent,
  REQUIRED_CONSENTS,
  type RequiredConsent,
  type SignupConsents,
} from '@erun/contracts';
import type { Tx, UnitOfWork } from '../../ports/unit-of-work.ts';
import type { ConsentRow, ConsentsRepository } from './consents.repository.ts';

type Decision = { document: ConsentDocument; version: string; granted: boolean };

const current = (document: ConsentDocument, granted = true): Decision => ({
  document,
  version: CONSENT_VERSIONS[document],
  granted,
});

function marketingDecisions(input: { marketingEmail?: boolean; marketingSms?: boolean }): Decision[] {
  const decisions: Decision[] = [];
  if (input.marketingEmail !== undefined) decisions.push(current('marketing_email', input.marketingEmail));
  if (input.marketingSms !== undefined) decisions.push(current('marketing_sms', input.marketingSms));
  return decisions;
}

const toRecord = (row: ConsentRow): ConsentRecord => ({
  document: row.document as ConsentDocument,
  version: row.version,
  granted: row.granted,
  at: row.createdAt.toISOString(),
});

/**
 * Terms, privacy policy, age 14+ and marketing consent (issue 15). The versions in force live in the contracts
 * (`CONSENT_VERSIONS`): a required document whose current version a user has not granted is "required", and
 * until nothing is, the user may read but not write (the gate in `http/authenticate.ts`).
 */
export class ConsentsService {
  constructor(
    private readonly repo: ConsentsRepository,
    private readonly uow: UnitOfWork,
  ) {}

  /** Sign-up's consents, in the auth module's unit of work with the new user's row. */
  recordSignup(tx: Tx, userId: string, consents: SignupConsents): Promise<void> {
    return this.repo.append(tx, userId, [
      ...REQUIRED_CONSENTS.map((d) => current(d)),
      // Sign-up records marketing either way: "not ticked" is a decision with its time too.
      ...marketingDecisions({
        marketingEmail: consents.marketingEmail ?? false,
        marketingSms: consents.marketingSms ?? false,
      }),
    ]);
  }

  /** The required documents whose current version the user has not accepted. */
  async required(userId: string): Promise<RequiredConsent[]> {
    const granted = await this.repo.granted(
      userId,
      REQUIRED_CONSENTS.map((d) => current(d)),
    );
    return REQUIRED_CONSENTS.filter((d) => !granted.has(d));
  }

  async state(userId: string): Promise<ConsentState> {
    const [latest, required] = await Promise.all([this.repo.latest(userId), this.required(userId)]);
    const marketing = (document: ConsentDocument): MarketingConsent => {
      const row = latest.find((r) => r.document === document);
      return { granted: row?.granted ?? false, at: row ? row.createdAt.toISOString() : null };
    };
    return {
      accepted: latest.filter((r) => r.granted).map(toRecord),
      required,
      marketingEmail: marketing('marketing_email'),
      marketingSms: marketing('marketing_sms'),
    };
  }

  /** Accepts required documents at their current versions and records marketing choices, one row each. */
  async accept(userId: string, input: AcceptConsents): Promise<ConsentState> {
    await this.uow.run((tx) =>
      this.repo.append(tx, userId, [...input.accept.map((d) => current(d)), ...marketingDecisions(input)]),
    );
    return this.state(userId);
  }

  /** Every decision, oldest first (the owner's data export). */
  async history(userId: string): Promise<ConsentRecord[]> {
    return (await this.repo.history(userId)).map(toRecord);
  }

  /** An erased account's decisions, in the account module's unit of work. */
  forget(tx: Tx, userId: string): Promise<void> {
    return this.repo.forget(tx, userId);
  }
}
