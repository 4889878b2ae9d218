import { ErrorBodySchema, ImageSchema } from '@erun/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { userIdOf } from '../../http/authenticate.ts';
import { ValidationError } from '../../lib/errors.ts';
import { UPLOAD_PURPOSES } from './image-processing.ts';
import type { UploadsService } from './uploads.service.ts';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export interface UploadsRoutesDeps {
  uploads: UploadsService;
  authenticate: (request: FastifyRequest) => Promise<void>;
}

/** The multipart form the handler reads (documentation; the handler checks it). */
const UploadFormSchema = z.object({
  file: z.file().max(MAX_UPLOAD_BYTES).describe('The image: JPEG, PNG, WebP, GIF, HEIF, AVIF or TIFF'),
});
const QuerySchema = z.object({ purpose: z.enum(UPLOAD_PURPOSES).default('photo') });
const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 413: ErrorBodySchema, 415: ErrorBodySchema };

export const uploadsRoutes: FastifyPluginAsyncZod<UploadsRoutesDeps> = async (
  app,
  { uploads, authenticate },
) => {
  app.post(
    '/uploads',
    {
      schema: { tags: ['uploads'], querystring: QuerySchema, response: { 201: ImageSchema, ...errors } },
      preHandler: authenticate,
      config: { multipartBody: UploadFormSchema },
    },
    async (request, reply) => {
      const data = await readFile(request);
      return reply.status(201).send(await uploads.create(userIdOf(request), request.query.purpose, data));
    },
  );
};

/** The `file` field of a multipart body; a file over the limit throws 413 through toBuffer. */
async function readFile(request: FastifyRequest): Promise<Buffer> {
  const file = await request.file({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
  if (!file || file.fieldname !== 'file') {
    throw new ValidationError('Send the image in a multipart field named "file"', [
      { path: ['body', 'file'], code: 'required', message: 'file.required' },
    ]);
  }
  return file.toBuffer();
}
