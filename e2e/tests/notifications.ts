import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures.ts';

// The notification centre as the journeys use it (texts of locales/extra/notifyweb.ko.json).

export const BELL = {
  any: /^알림(, 읽지 않음 \d+\+?)?$/,
  unread: (count: number) => `알림, 읽지 않음 ${count > 99 ? '99+' : count}`,
  empty: '알림',
};

export function isPhone(page: Page): boolean {
  return (page.viewportSize()?.width ?? 1280) < 768;
}

/** The header's bell: a button opening a popover on wide screens, a link to /notifications on phones. */
export function bell(page: Page): Locator {
  return page.getByRole('banner').getByRole(isPhone(page) ? 'link' : 'button', { name: BELL.any });
}

/** Where the latest notifications are: the popover (desktop) or the notifications page (phone). */
export async function openNotifications(page: Page): Promise<Locator> {
  await bell(page).click();
  if (isPhone(page)) {
    await expect(page).toHaveURL(/\/notifications$/);
    await expect(page.getByRole('heading', { level: 1, name: '알림' })).toBeVisible();
    return page.getByRole('main');
  }
  const panel = page.getByRole('dialog', { name: '알림' });
  await expect(panel).toBeVisible();
  return panel;
}
