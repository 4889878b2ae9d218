import type { CrewRole } from '@erun/contracts';

/** A user's place in a crew: a member (with a role), a pending request, or banned. */
export type CrewMemberStatus = 'member' | 'pending' | 'banned';

export interface CrewMembership {
  status: CrewMemberStatus;
  role: CrewRole;
}

/** Staff rights: the owner has all of them (DOMAIN.md: owner ⊃ staff ⊃ member). */
export function isStaffRole(role: CrewRole): boolean {
  return role === 'owner' || role === 'staff';
}
