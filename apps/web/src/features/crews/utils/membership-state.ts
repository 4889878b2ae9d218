import type { CrewMembershipCrew, CrewRole, MyCrewMembership } from '@erun/contracts';

/** What the join button says and offers, from my place in the crew. */
export type MembershipState =
  | { kind: 'signedOut' }
  | { kind: 'loading' }
  | { kind: 'open' | 'approval' | 'invited' }
  | { kind: 'inviteOnly' }
  | { kind: 'pending' }
  | { kind: 'banned' }
  | { kind: 'member'; role: CrewRole };

export function membershipState(
  crew: Pick<CrewMembershipCrew, 'joinPolicy'>,
  mine: MyCrewMembership | undefined,
  signedIn: boolean,
  invite: string | undefined,
): MembershipState {
  if (!signedIn) return { kind: 'signedOut' };
  if (!mine) return { kind: 'loading' };
  if (mine.status === 'member') return { kind: 'member', role: mine.role ?? 'member' };
  if (mine.status === 'pending') return { kind: 'pending' };
  if (mine.status === 'banned') return { kind: 'banned' };
  // An invite link admits at once whatever the policy (open crews need none).
  if (invite && crew.joinPolicy !== 'open') return { kind: 'invited' };
  if (crew.joinPolicy === 'invite') return { kind: 'inviteOnly' };
  return { kind: crew.joinPolicy };
}
