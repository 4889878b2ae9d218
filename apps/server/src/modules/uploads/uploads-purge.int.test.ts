import { readdir } from 'node:fs/promises';
import type { Course, Crew, Image, Me, Run } from '@erun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, newCourse, newPhoto, newRun, newUser, type TestUser } from '../../test/factories.ts';
import { multipart, png } from '../../test/images.ts';
import { s3Env, startFakeS3, type FakeS3 } from '../../test/fake-s3.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { newCrew } from '../../test/crew-fixtures.ts';

let t: TestApp;
let owner: TestUser;

const DAY_AND_AN_HOUR = 25 * 3600 * 1000;

async function send(purpose: 'avatar' | 'photo'): Promise<Image> {
  const body = multipart(await png(), 'x.png', 'image/png');
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/uploads?purpose=${purpose}`,
    payload: body.payload,
    headers: { ...body.headers, ...bearer(owner) },
  });
  expect(response.statusCode).toBe(201);
  return response.json<Image>();
}

async function get<T>(url: string): Promise<T> {
  const response = await t.app.inject({ method: 'GET', url, headers: bearer(owner) });
  expect(response.statusCode).toBe(200);
  return response.json<T>();
}

async function setAvatar(avatarId: string): Promise<void> {
  const response = await t.app.inject({
    method: 'PATCH',
    url: '/api/me',
    headers: bearer(owner),
    payload: { avatarId },
  });
  expect(response.statusCode).toBe(200);
}

/** Every foreign key column that points at `uploads`, straight from the catalog. */
async function columnsReferencingUploads(): Promise<{ table: string; column: string }[]> {
  const result = await t.database.executeSql(
    `select c.relname as "table", a.attname as "column"
       from pg_constraint k
       join pg_class c on c.oid = k.conrelid
       join pg_attribute a on a.attrelid = k.conrelid and a.attnum = any(k.conkey)
      where k.contype = 'f' and k.confrelid = 'uploads'::regclass`,
  );
  return result.rows as { table: string; column: string }[];
}

/** Where the files are (the local folder, or a bucket) and how a browser gets one. */
interface Files {
  folders(): Promise<string[]>;
  status(url: string): Promise<number>;
}

const localFiles: Files = {
  folders: () => readdir((t.services.uploads as unknown as { storage: { root: string } }).storage.root),
  status: async (url) => (await t.app.inject({ method: 'GET', url })).statusCode,
};

function bucketFiles(s3: FakeS3): Files {
  return {
    folders: async () => [...new Set(s3.keys().map((key) => key.split('/')[0] ?? ''))],
    status: async (url) => (await fetch(url)).status,
  };
}

describe.each([
  ['in the local folder', () => Promise.resolve(undefined)],
  ['in an S3 bucket', () => startFakeS3()],
])('purging unreferenced uploads %s', (_name, startStore) => {
  let s3: FakeS3 | undefined;
  let files: Files;
  beforeAll(async () => {
    s3 = await startStore();
    t = await createTestApp({ env: s3 ? s3Env(s3) : {} });
    owner = await newUser(t.app);
    files = s3 ? bucketFiles(s3) : localFiles;
  });
  afterAll(async () => {
    await t.close();
    await s3?.stop();
  });

  it('keeps, a day later, an upload of every kind of attachment, and removes the orphans with their files', async () => {
    const replaced = await send('avatar');
    await setAvatar(replaced.id);
    const avatar = await send('avatar');
    await setAvatar(avatar.id);
    const run = await newRun(t.app, owner, { photoIds: [await newPhoto(t.app, owner)] });
    const course = await newCourse(t.app, owner);
    const crew = await newCrew(t.app, owner, {
      logoId: await newPhoto(t.app, owner),
      coverId: await newPhoto(t.app, owner),
    });
    const orphan = await send('photo');
    const crewImages = [crew.logo?.id, crew.cover?.id].filter((id): id is string => id !== undefined);
    const attached = [
      avatar.id,
      ...run.photos.map((p) => p.id),
      ...course.photos.map((p) => p.id),
      ...crewImages,
    ];

    // The test covers every table that can hold an upload: a new one must get its attachment here.
    const references = await columnsReferencingUploads();
    expect(references.length).toBeGreaterThanOrEqual(3);
    for (const { table, column } of references) {
      const found = await t.database.executeSql(
        `select count(*)::int as n from "${table}" where "${column}" = any($1::uuid[])`,
        [attached],
      );
      expect((found.rows[0] as { n: number }).n, `${table}.${column}`).toBeGreaterThan(0);
    }

    expect(await t.services.uploads.purgeUnreferenced(new Date())).toBe(0);
    const purged = await t.services.uploads.purgeUnreferenced(new Date(Date.now() + DAY_AND_AN_HOUR));
    expect(purged).toBe(2);

    expect((await get<Me>('/api/me')).avatar?.id).toBe(avatar.id);
    expect((await get<Run>(`/api/runs/${run.id}`)).photos.map((p) => p.id)).toEqual(
      run.photos.map((p) => p.id),
    );
    expect((await get<Course>(`/api/courses/${course.id}`)).photos.map((p) => p.id)).toEqual(
      course.photos.map((p) => p.id),
    );
    const kept = await get<Crew>(`/api/crews/${crew.id}`);
    expect([kept.logo?.id, kept.cover?.id]).toEqual(crewImages);
    const folders = await files.folders();
    expect(folders).toEqual(expect.arrayContaining(attached));
    for (const image of [...run.photos, ...course.photos]) {
      expect(await files.status(image.urls.small)).toBe(200);
    }
    for (const gone of [orphan, replaced]) {
      expect(folders).not.toContain(gone.id);
      expect(await files.status(gone.urls.small)).toBe(404);
    }
  });
});
