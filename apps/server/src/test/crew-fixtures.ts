/**
 * Crews and memberships written straight to their tables, for tests outside the announcements module (the
 * contract test, the crew calendar feed) while the crews routes are another slice's (issue 16).
 */
export {
  addMember,
  deleteCrew,
  makeCrewRun,
  removeMember,
  testCrew,
} from '../modules/announcements/announcement-test-helpers.ts';
export { newCrewRows } from '../modules/chat/chat.fixtures.ts';
