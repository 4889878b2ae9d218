import { readdir, readFile } from 'node:fs/promises';
import type { ErrorBody, Image, Me } from '@erun/contracts';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, newUser, type TestUser } from '../../test/factories.ts';
import { jpegWithGps, multipart, png } from '../../test/images.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let user: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  user = await newUser(t.app);
});
afterAll(() => t.close());

const upload = (
  body: ReturnType<typeof multipart>,
  purpose = 'avatar',
  who: { accessToken: string } = user,
) =>
  t.app.inject({
    method: 'POST',
    url: `/api/uploads?purpose=${purpose}`,
    payload: body.payload,
    headers: { ...body.headers, ...bearer(who) },
  });

async function uploadRows(): Promise<number> {
  const result = await t.database.executeSql('select count(*)::int as n from uploads');
  return (result.rows[0] as { n: number }).n;
}

describe('POST /api/uploads', () => {
  it('re-encodes a phone photo to WebP in three sizes with every trace of metadata (GPS!) gone', async () => {
    const response = await upload(multipart(await jpegWithGps(), 'IMG_0001.jpg', 'image/jpeg'), 'photo');
    expect(response.statusCode).toBe(201);
    const image = response.json<Image>();
    for (const url of Object.values(image.urls)) {
      const served = await t.app.inject({ method: 'GET', url });
      expect(served.statusCode).toBe(200);
      const metadata = await sharp(served.rawPayload).metadata();
      expect(metadata.format).toBe('webp');
      expect(metadata.exif).toBeUndefined();
      expect(metadata.icc).toBeUndefined();
    }
    const large = await sharp(
      (await t.app.inject({ method: 'GET', url: image.urls.large })).rawPayload,
    ).metadata();
    expect(large.width).toBe(1200);
  });

  it('sets the avatar through PATCH /api/me, cropped square', async () => {
    const image = (await upload(multipart(await png(300, 200), 'me.png', 'image/png'))).json<Image>();
    const response = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: bearer(user),
      payload: { avatarId: image.id },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json<Me>().avatar?.id).toBe(image.id);
    const medium = await sharp(
      (await t.app.inject({ method: 'GET', url: image.urls.medium })).rawPayload,
    ).metadata();
    expect([medium.width, medium.height]).toEqual([256, 256]);
  });

  it('refuses a photo upload as an avatar, and another user’s avatar (404)', async () => {
    const photo = (await upload(multipart(await png(), 'p.png', 'image/png'), 'photo')).json<Image>();
    const other = await newUser(t.app);
    const theirs = (
      await upload(multipart(await png(), 'a.png', 'image/png'), 'avatar', other)
    ).json<Image>();
    for (const avatarId of [photo.id, theirs.id]) {
      const response = await t.app.inject({
        method: 'PATCH',
        url: '/api/me',
        headers: bearer(user),
        payload: { avatarId },
      });
      expect(response.statusCode).toBe(404);
    }
  });

  it.each([
    [
      'a PDF renamed .jpg',
      Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF'),
      'cv.jpg',
      'image/jpeg',
    ],
    [
      'an SVG (scripts)',
      Buffer.from(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
      ),
      'x.svg',
      'image/svg+xml',
    ],
    ['random bytes', Buffer.from('not an image at all'), 'x.png', 'image/png'],
  ])('refuses %s with 415 and leaves nothing behind', async (_name, data, filename, type) => {
    const before = await uploadRows();
    const response = await upload(multipart(data, filename, type));
    expect(response.statusCode).toBe(415);
    expect(response.json<ErrorBody>().code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(await uploadRows()).toBe(before);
  });

  it('refuses a file over 10 MB with 413', async () => {
    const response = await upload(multipart(Buffer.alloc(10 * 1024 * 1024 + 10, 1), 'big.jpg', 'image/jpeg'));
    expect(response.statusCode).toBe(413);
    expect(response.json<ErrorBody>().code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses a request with no file field (400), a non-multipart body (415), no token (401), a bad purpose (400)', async () => {
    const wrongField = await upload(multipart(await png(), 'a.png', 'image/png', 'photo'));
    expect(wrongField.statusCode).toBe(400);
    const json = await t.app.inject({
      method: 'POST',
      url: '/api/uploads',
      headers: bearer(user),
      payload: { a: 1 },
    });
    expect(json.statusCode).toBe(415);
    const body = multipart(await png(), 'a.png', 'image/png');
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/uploads',
      payload: body.payload,
      headers: body.headers,
    });
    expect(anonymous.statusCode).toBe(401);
    expect((await upload(body, 'banner')).statusCode).toBe(400);
  });

  it('keeps the stored files and rows in step', async () => {
    const dir = (t.services.uploads as unknown as { storage: { root: string } }).storage.root;
    const folders = await readdir(dir);
    expect(folders.length).toBe(await uploadRows());
    expect(await readFile(`${dir}/${folders[0]}/small.webp`)).toBeInstanceOf(Buffer);
  });
});
