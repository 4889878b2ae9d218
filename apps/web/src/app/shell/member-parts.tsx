/**
 * What only a signed-in reader's shell shows: chats, notifications and the account menu in the header, and the
 * banners about their account. A chunk of its own (`header.tsx` and `root-layout.tsx` load it lazily), so a
 * guest's first load carries none of it (issue 19's budget, scripts/check-bundle.ts). Their texts stay in the
 * first paint's (FIRST_PAINT_TEXTS in ko-texts.ts), so a member's header never waits for the rest of the texts.
 */
import type { Me } from '@erun/contracts';
import { VerifyEmailBanner } from '../../features/auth/components/verify-email-banner.tsx';
import { ChatsLink } from '../../features/chat/components/chats-link.tsx';
import { RestrictionBanner } from '../../features/moderation/components/restriction-banner.tsx';
import { NotificationBell } from '../../features/notifications/components/notification-bell.tsx';
import { UserMenu } from './user-menu.tsx';

export function MemberActions({ user }: { user: Me }) {
  return (
    <>
      <ChatsLink />
      <NotificationBell />
      <UserMenu user={user} />
    </>
  );
}

export function MemberBanners({ user, showVerify }: { user: Me; showVerify: boolean }) {
  return (
    <>
      {showVerify && <VerifyEmailBanner user={user} />}
      <RestrictionBanner user={user} />
    </>
  );
}
