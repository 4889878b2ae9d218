import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { registerUploads } from '../http/web.ts';
import { describeFileStorage } from '../test/storage-contract.ts';
import { LocalFileStorage } from './local-storage.ts';

// The folder, served at /uploads as app.ts serves it (STORAGE=local, the default).
describeFileStorage('local folder', async () => {
  const root = await mkdtemp(path.join(tmpdir(), 'erun-storage-'));
  const app = Fastify();
  await registerUploads(app, root);
  await app.ready();
  return {
    storage: new LocalFileStorage(root),
    fetch: async (url) => {
      const response = await app.inject({ method: 'GET', url });
      return {
        status: response.statusCode,
        contentType: response.headers['content-type']?.toString(),
        body: response.rawPayload,
      };
    },
    close: async () => {
      await app.close();
      await rm(root, { recursive: true, force: true });
    },
  };
});
