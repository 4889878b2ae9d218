import type { ErrorBody, Image } from '@erun/contracts';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, newUser, type TestUser } from '../test/factories.ts';
import { multipart, png } from '../test/images.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';

// Issue 12: one client wrote ~55 MB in 31 s; 8 parallel 7000×7000 images took the process to 671 MB; an
// empty upload answered 500.

const HANGUL = /[\uAC00-\uD7A3]/;

function upload(t: TestApp, who: TestUser, body: { payload: Buffer; headers: Record<string, string> }) {
  return t.app.inject({
    method: 'POST',
    url: '/api/uploads?purpose=photo',
    payload: body.payload,
    headers: { ...body.headers, ...bearer(who) },
  });
}

async function uploadRows(t: TestApp): Promise<number> {
  const result = await t.database.executeSql('select count(*)::int as n from uploads');
  return (result.rows[0] as { n: number }).n;
}

describe('a flood of uploads from one user', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { RATE_LIMIT_UPLOAD_USER: '3/1m' } });
  });
  afterAll(() => t.close());

  it('is stopped with 429 after the per-user rate, while another user still uploads', async () => {
    const [flooder, other] = [await newUser(t.app), await newUser(t.app)];
    const body = multipart(await png(), 'a.png', 'image/png');
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push((await upload(t, flooder, body)).statusCode);
    expect(answers).toEqual([201, 201, 201, 429, 429]);
    const refused = await upload(t, flooder, body);
    expect(refused.json<ErrorBody>().code).toBe('RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await upload(t, other, body)).statusCode).toBe(201);
  });
});

describe('the daily upload quota', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { UPLOAD_QUOTA_USER: '4/24h' } });
  });
  afterAll(() => t.close());

  it('refuses the upload past the quota with 429, a Korean reason and Retry-After, and writes nothing', async () => {
    const [user, other] = [await newUser(t.app), await newUser(t.app)];
    const body = multipart(await png(), 'a.png', 'image/png');
    for (let i = 0; i < 4; i++) expect((await upload(t, user, body)).statusCode).toBe(201);
    const before = await uploadRows(t);
    const refused = await upload(t, user, body);
    expect(refused.statusCode).toBe(429);
    const error = refused.json<ErrorBody>();
    expect(error.code).toBe('UPLOAD_QUOTA_EXCEEDED');
    expect(error.message).toMatch(HANGUL);
    expect(error.message).toContain('4');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(3600);
    expect(await uploadRows(t)).toBe(before);
    expect((await upload(t, other, body)).statusCode).toBe(201);
  });
});

describe('hostile and broken images', () => {
  let t: TestApp;
  let user: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    user = await newUser(t.app);
  });
  afterAll(() => t.close());

  it('refuses a 7000×7000 image (49 MP, a few hundred KB of PNG) with 413 and the pixel cap in Korean', async () => {
    const huge = await sharp({ create: { width: 7000, height: 7000, channels: 3, background: '#3366cc' } })
      .png()
      .toBuffer();
    const before = await uploadRows(t);
    const response = await upload(t, user, multipart(huge, 'huge.png', 'image/png'));
    expect(response.statusCode).toBe(413);
    const error = response.json<ErrorBody>();
    expect(error.code).toBe('IMAGE_TOO_LARGE');
    expect(error.message).toMatch(HANGUL);
    expect(error.message).toContain('4000만');
    expect(await uploadRows(t)).toBe(before);
  });

  it('still takes a 24 MP phone photo, scaled to 1600 px', async () => {
    const phone = await sharp({ create: { width: 6000, height: 4000, channels: 3, background: '#88aa44' } })
      .jpeg()
      .toBuffer();
    const response = await upload(t, user, multipart(phone, 'IMG_2000.jpg', 'image/jpeg'));
    expect(response.statusCode).toBe(201);
    const large = await t.app.inject({ method: 'GET', url: response.json<Image>().urls.large });
    const metadata = await sharp(large.rawPayload).metadata();
    expect([metadata.width, metadata.height]).toEqual([1600, 1067]);
  });

  it.each([
    ['a 0-byte file', () => multipart(Buffer.alloc(0), 'empty.jpg', 'image/jpeg')],
    [
      'a multipart body with a text field and no file',
      () => {
        const boundary = '----erunNoFile';
        const payload = Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--${boundary}--\r\n`,
        );
        return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
      },
    ],
    [
      'a multipart body with no parts',
      () => ({
        payload: Buffer.from('------erunEmpty--\r\n'),
        headers: { 'content-type': 'multipart/form-data; boundary=----erunEmpty' },
      }),
    ],
    [
      'a body cut off inside the file',
      () => ({
        payload: Buffer.from(
          '------erunCut\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\n\x89PNG',
        ),
        headers: { 'content-type': 'multipart/form-data; boundary=----erunCut' },
      }),
    ],
    [
      'a body that is no multipart at all',
      () => ({
        payload: Buffer.from('garbage'),
        headers: { 'content-type': 'multipart/form-data; boundary=----erunCut' },
      }),
    ],
    [
      'an empty body',
      () => ({
        payload: Buffer.alloc(0),
        headers: { 'content-type': 'multipart/form-data; boundary=----erunNothing' },
      }),
    ],
  ])('answers %s with 400 and the error body, writing nothing', async (_name, body) => {
    const before = await uploadRows(t);
    const response = await upload(t, user, body());
    expect(response.statusCode).toBe(400);
    const error = response.json<ErrorBody>();
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toMatch(HANGUL);
    expect(await uploadRows(t)).toBe(before);
  });
});
