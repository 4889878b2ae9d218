import type { ErrorBody, Image } from '@erun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, newCourse, newUser, type TestUser } from '../../test/factories.ts';
import { s3Env, startFakeS3, type FakeS3 } from '../../test/fake-s3.ts';
import { LogCapture, startTcpProxy, within, type TcpProxy } from '../../test/faults.ts';
import { multipart, png } from '../../test/images.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

/**
 * STORAGE=s3 with the object store down: stopped (connections refused) or frozen (accepted, never answered, as
 * a partition). An upload answers 503 SERVICE_UNAVAILABLE with Retry-After within S3_TIMEOUT_MS — never a 500,
 * never a hang — and leaves no row behind; when the store is back uploads work again without a restart.
 */
const TIMEOUT_MS = 1000;

let s3: FakeS3;
let proxy: TcpProxy;
let t: TestApp;
let user: TestUser;
const logs = new LogCapture();
beforeAll(async () => {
  s3 = await startFakeS3();
  proxy = await startTcpProxy(s3.port);
  const endpoint = `http://127.0.0.1:${proxy.port}`;
  t = await createTestApp({
    env: s3Env(s3, { S3_ENDPOINT: endpoint, S3_TIMEOUT_MS: String(TIMEOUT_MS) }),
    logStream: logs,
  });
  user = await newUser(t.app);
});
afterAll(async () => {
  await t.close();
  await proxy.close();
  await s3.stop();
});

async function upload() {
  const body = multipart(await png(), 'run.png', 'image/png');
  return t.app.inject({
    method: 'POST',
    url: '/api/uploads?purpose=photo',
    payload: body.payload,
    headers: { ...body.headers, ...bearer(user) },
  });
}

async function rows(): Promise<number> {
  const result = await t.database.executeSql('select count(*)::int as n from uploads where owner_id = $1', [
    user.user.id,
  ]);
  return (result.rows[0] as { n: number }).n;
}

/** The upload answers 503 with Retry-After well before a hang would be noticed, and stores nothing. */
async function expectRefused(): Promise<void> {
  const before = await rows();
  const response = await within('the upload to be answered', upload(), 10 * TIMEOUT_MS);
  expect(response.statusCode, response.body).toBe(503);
  expect(response.json<ErrorBody>().code).toBe('SERVICE_UNAVAILABLE');
  expect(response.headers['retry-after']).toBe('5');
  expect(await rows()).toBe(before);
}

describe('the object store (S3) down', () => {
  it('stopped: uploads answer 503 with Retry-After, no row is written', async () => {
    await s3.stop();
    await expectRefused();
    await expectRefused();
    await s3.start();
  });

  it('frozen: uploads answer 503 within the timeout instead of hanging', async () => {
    proxy.set('freeze');
    await expectRefused();
    proxy.set('open');
    expect(s3.keys()).toEqual([]);
  });

  it('back: uploads are stored again, and the outage was logged once, then its end', async () => {
    const response = await upload();
    expect(response.statusCode, response.body).toBe(201);
    const image = response.json<Image>();
    expect(s3.keys(`${image.id}/`)).toHaveLength(3);
    expect(await rows()).toBe(1);
    expect((await fetch(image.urls.small)).status).toBe(200);

    const messages = logs.problems().map((l) => l.msg);
    expect(messages.filter((m) => m.startsWith('object storage (S3) unavailable:'))).toHaveLength(1);
    expect(
      messages.some((m) => /^object storage \(S3\) unavailable for [\d.]+ s, \d+ calls failed/.test(m)),
    ).toBe(true);
    // Not mistaken for a database outage (both are network errors), and no 500 on the way.
    expect(messages.some((m) => m.startsWith('database unavailable'))).toBe(false);
    expect(messages).not.toContain('unhandled error');
  });

  it("stopped: deleting a course answers 204 (it is deleted); its photos' folder is named in the log", async () => {
    const course = await newCourse(t.app, user);
    const photoId = course.photos[0]?.id ?? '';
    await s3.stop();
    const response = await t.app.inject({
      method: 'DELETE',
      url: `/api/courses/${course.id}`,
      headers: bearer(user),
    });
    await s3.start();
    expect(response.statusCode).toBe(204);
    // The row is gone (the count is the earlier upload's); its files could not be.
    expect(await rows()).toBe(1);
    expect(s3.keys(`${photoId}/`)).toHaveLength(3);
    expect(logs.problems().map((l) => l.msg)).toContain(
      `object storage (S3): files under ${photoId}/ were not deleted; remove them when the store is back`,
    );
  });
});
