import { lazy } from 'react';
import type * as Parts from './member-parts.tsx';

/**
 * The member parts' chunk (member-parts.tsx), fetched once, at the first sign-in seen. Its texts stay with the
 * first paint's (FIRST_PAINT_TEXTS): a signed-in reader's header does not wait for the rest of the texts.
 */
let loading: Promise<typeof Parts> | undefined;
const memberParts = () => (loading ??= import('./member-parts.tsx'));

export const MemberActions = lazy(() => memberParts().then((parts) => ({ default: parts.MemberActions })));
export const MemberBanners = lazy(() => memberParts().then((parts) => ({ default: parts.MemberBanners })));
