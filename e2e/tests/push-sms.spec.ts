import { expect, onboardViaApi, signUpViaApi, test } from './fixtures.ts';
import { codeTextedTo, dashed, uniquePhoneDigits } from './sms.ts';

test('notification settings: channels saved and kept, push state on this device, phone verified by text with consent', async ({
  page,
}, testInfo) => {
  const user = await signUpViaApi(page.request);
  await onboardViaApi(page.request, user);
  await page.goto('/me/settings');
  const table = page.getByRole('table', { name: '알림 받을 방법' });
  // The shared CI machine can be slow to serve the first load.
  await expect(table).toBeVisible({ timeout: 30_000 });

  // Push for cancellations starts on; turning it off is saved and still off after a reload.
  const cancelledPush = page.getByRole('checkbox', { name: '러닝 취소 · 푸시' });
  await expect(cancelledPush).toBeChecked();
  const saved = page.waitForResponse(
    (r) => r.url().endsWith('/api/me/notification-preferences') && r.request().method() === 'PUT',
  );
  await cancelledPush.uncheck();
  expect((await saved).status()).toBe(200);
  await page.reload();
  await expect(page.getByRole('checkbox', { name: '러닝 취소 · 푸시' })).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: '앱 알림' }).first()).toBeDisabled();

  // Texts cannot be chosen before a verified number and consent.
  const soonSms = page.getByRole('checkbox', { name: '시작 30분 전 · 문자' });
  await expect(soonSms).toBeDisabled();

  // This browser: the service worker is served and registers; push is offered but not yet on.
  await expect(page.getByText('이 기기에서는 아직 푸시 알림을 받지 않아요.')).toBeVisible();
  await expect(page.getByRole('button', { name: '이 기기에서 푸시 알림 받기' })).toBeVisible();
  const registered = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.register('/sw.js');
    return registration.scope;
  });
  expect(registered).toMatch(/\/$/);

  // Phone: a code by text (read from the fake SENS gateway), the resend countdown, verification.
  const digits = uniquePhoneDigits();
  await page.getByLabel('휴대폰 번호').fill(dashed(digits));
  await page.getByRole('button', { name: '인증번호 받기' }).click();
  await expect(page.getByText('인증번호를 보냈어요. 3분 안에 입력해 주세요.')).toBeVisible();
  await expect(page.getByRole('button', { name: /다시 받기 \(\d+초\)/ })).toBeDisabled();
  await expect.poll(() => codeTextedTo(digits)).toMatch(/^\d{6}$/);
  const codeField = page.getByLabel('인증번호 6자리');
  await expect(codeField).toHaveAttribute('autocomplete', 'one-time-code');
  await codeField.fill(codeTextedTo(digits) ?? '');
  await page.getByRole('button', { name: '인증하기' }).click();
  await expect(page.getByTestId('masked-phone')).toHaveText(`010-****-${digits.slice(7)}`);

  // Consent (with what it means), then texts for the 30-minute reminder; all kept after a reload.
  await expect(page.getByText('수집 항목: 휴대폰 번호')).toBeVisible();
  await page.getByRole('checkbox', { name: '문자 알림 수신에 동의해요 (선택)' }).check();
  await expect(soonSms).toBeEnabled();
  await soonSms.check();
  await expect(soonSms).toBeChecked();
  await page.reload();
  await expect(page.getByRole('checkbox', { name: '시작 30분 전 · 문자' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: '문자 알림 수신에 동의해요 (선택)' })).toBeChecked();
  await expect(page.getByTestId('masked-phone')).toHaveText(`010-****-${digits.slice(7)}`);

  await page.screenshot({
    path: testInfo.outputPath(`settings-${testInfo.project.name}.png`),
    fullPage: true,
  });
});
