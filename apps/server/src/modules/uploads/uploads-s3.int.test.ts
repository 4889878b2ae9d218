import type { Image, Me } from '@erun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, deleteAccount, newCourse, newUser, type TestUser } from '../../test/factories.ts';
import { s3Env, startFakeS3, type FakeS3 } from '../../test/fake-s3.ts';
import { multipart, png } from '../../test/images.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let s3: FakeS3;
let t: TestApp;
let user: TestUser;
beforeAll(async () => {
  s3 = await startFakeS3();
  t = await createTestApp({ env: s3Env(s3) });
  user = await newUser(t.app);
});
afterAll(async () => {
  await t.close();
  await s3.stop();
});

async function upload(who: TestUser, purpose: 'photo' | 'avatar'): Promise<Image> {
  const body = multipart(await png(), 'run.png', 'image/png');
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/uploads?purpose=${purpose}`,
    payload: body.payload,
    headers: { ...body.headers, ...bearer(who) },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Image>();
}

// STORAGE=s3 through the real HTTP API: the variables main.ts reads, a loopback S3 server behind them.
describe('uploads with STORAGE=s3', () => {
  it('stores the three sizes in the bucket, and the URLs it answers serve them', async () => {
    const image = await upload(user, 'photo');
    expect(s3.keys(`${image.id}/`)).toEqual([
      `${image.id}/large.webp`,
      `${image.id}/medium.webp`,
      `${image.id}/small.webp`,
    ]);
    for (const size of ['small', 'medium', 'large'] as const) {
      expect(image.urls[size]).toBe(`${s3.endpoint}/${s3.bucket}/${image.id}/${size}.webp`);
      const response = await fetch(image.urls[size]);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/webp');
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(bytes.equals(s3.object(`${image.id}/${size}.webp`)?.data ?? Buffer.alloc(0))).toBe(true);
      expect(bytes.subarray(8, 12).toString()).toBe('WEBP');
    }
  });

  it('lets pages show images from the store (CSP img-src names its origin)', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/runs' });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toMatch(new RegExp(`img-src [^;]*${s3.endpoint.replace(/[.]/g, '\\.')}`));
  });

  it('removes the photos of a deleted course from the bucket', async () => {
    const course = await newCourse(t.app, user);
    const [photo] = course.photos;
    expect(s3.keys(`${photo?.id}/`)).toHaveLength(3);
    const response = await t.app.inject({
      method: 'DELETE',
      url: `/api/courses/${course.id}`,
      headers: bearer(user),
    });
    expect(response.statusCode).toBe(204);
    expect(s3.keys(`${photo?.id}/`)).toEqual([]);
    expect((await fetch(photo?.urls.small ?? '')).status).toBe(404);
  });

  it("removes a deleted account's avatar from the bucket", async () => {
    const leaving = await newUser(t.app);
    const avatar = await upload(leaving, 'avatar');
    const patched = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: bearer(leaving),
      payload: { avatarId: avatar.id },
    });
    expect(patched.json<Me>().avatar?.urls.small).toBe(avatar.urls.small);
    expect((await deleteAccount(t.app, leaving)).statusCode).toBe(204);
    expect(s3.keys(`${avatar.id}/`)).toEqual([]);
  });
});
