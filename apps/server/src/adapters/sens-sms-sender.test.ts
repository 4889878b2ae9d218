import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smsBytes } from '../ports/sms.ts';
import { FakeSens } from '../test/fake-sens.ts';
import { SensSmsSender } from './sens-sms-sender.ts';

const sens = new FakeSens('ncp:sms:kr:123456789:erun', 'AKIA-test-access', 'test-secret-key-0123456789');
let baseUrl: string;
beforeAll(async () => {
  baseUrl = await sens.start();
});
afterAll(() => sens.stop());

const sender = (secretKey = sens.secretKey) =>
  new SensSmsSender({
    baseUrl,
    serviceId: sens.serviceId,
    accessKey: sens.accessKey,
    secretKey,
    from: '0212345678',
  });

describe('SENS SMS sender', () => {
  it('signs each request so that the gateway accepts it, from the registered number', async () => {
    await sender().send('01012345678', '[이RUN 저RUN] 인증번호 123456 (3분 안에 입력해 주세요)');
    expect(sens.messages.at(-1)).toEqual({
      type: 'SMS',
      from: '0212345678',
      content: '[이RUN 저RUN] 인증번호 123456 (3분 안에 입력해 주세요)',
      to: '01012345678',
      signatureValid: true,
    });
  });

  it('fails when the gateway refuses the signature (wrong secret key)', async () => {
    const before = sens.rejected;
    await expect(sender('not-the-secret').send('01012345678', 'hello')).rejects.toThrow(/401/);
    expect(sens.rejected).toBe(before + 1);
  });

  it('sends up to 80 bytes (Korean counting two) as SMS and longer texts as LMS', async () => {
    const fortyKorean = '가'.repeat(40);
    expect(smsBytes(fortyKorean)).toBe(80);
    expect(smsBytes(`${fortyKorean}a`)).toBe(81);
    await sender().send('01011112222', fortyKorean);
    expect(sens.messages.at(-1)?.type).toBe('SMS');
    await sender().send('01011112222', `${fortyKorean}a`);
    expect(sens.messages.at(-1)?.type).toBe('LMS');
    await sender().send('01011112222', 'a'.repeat(81));
    expect(sens.messages.at(-1)?.type).toBe('LMS');
  });
});
