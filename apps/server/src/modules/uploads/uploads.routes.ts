import { ErrorBodySchema, ImageSchema, UploadQuerySchema } from '@erun/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RateLimit } from '../../config/env.ts';
import { userIdOf } from '../../http/authenticate.ts';
import type { RateLimitHook } from '../../http/rate-limit.ts';
import { QuotaExceededError, ValidationError } from '../../lib/errors.ts';
import type { UploadsService } from './uploads.service.ts';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export interface UploadsRoutesDeps {
  uploads: UploadsService;
  authenticate: (request: FastifyRequest) => Promise<void>;
  /** Per-user rate and quota, counted after sign-in and before the body is read. */
  limits: RateLimitHook[];
}

/** The multipart form the handler reads (documentation; the handler checks it). */
const UploadFormSchema = z.object({
  file: z.file().max(MAX_UPLOAD_BYTES).describe('The image: JPEG, PNG, WebP, GIF, HEIF, AVIF or TIFF'),
});
const errors = {
  400: ErrorBodySchema,
  401: ErrorBodySchema,
  413: ErrorBodySchema,
  415: ErrorBodySchema,
  429: ErrorBodySchema,
  // The object store (STORAGE=s3) unreachable or too slow; with Retry-After.
  503: ErrorBodySchema,
  507: ErrorBodySchema,
};

export const uploadsRoutes: FastifyPluginAsyncZod<UploadsRoutesDeps> = async (
  app,
  { uploads, authenticate, limits },
) => {
  app.post(
    '/uploads',
    {
      schema: {
        tags: ['uploads'],
        querystring: UploadQuerySchema,
        response: { 201: ImageSchema, ...errors },
      },
      preHandler: [authenticate, ...limits],
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
  const file = await request.file({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } }).catch(malformedBody);
  if (!file || file.fieldname !== 'file') {
    throw new ValidationError('사진을 "file" 항목에 담아 보내 주세요.', [
      { path: ['body', 'file'], code: 'required', message: 'file.required' },
    ]);
  }
  const data = await file.toBuffer().catch(malformedBody);
  if (data.length === 0) {
    throw new ValidationError('빈 파일이에요. 사진을 골라 다시 올려 주세요.', [
      { path: ['body', 'file'], code: 'too_small', message: 'file.empty' },
    ]);
  }
  return data;
}

/**
 * The multipart parser (busboy) rejects a cut-off or garbled body with a bare Error ("Unexpected end of form"):
 * that is the client's bytes, so 400. Its own limits (413 file too large) keep their status.
 */
function malformedBody(error: unknown): never {
  if (typeof (error as { statusCode?: unknown }).statusCode === 'number') throw error;
  throw new ValidationError('업로드 내용을 읽을 수 없어요. 사진을 다시 올려 주세요.', [
    { path: ['body'], code: 'invalid_format', message: 'file.malformed' },
  ]);
}

/** 429 UPLOAD_QUOTA_EXCEEDED, saying the allowance and when it comes back. */
export function uploadQuotaError(quota: RateLimit) {
  return (retryAfterSec: number) =>
    new QuotaExceededError(
      'UPLOAD_QUOTA_EXCEEDED',
      `사진은 ${span(quota.windowMs)} 동안 ${quota.max}장까지 올릴 수 있어요. ${span(retryAfterSec * 1000)} 뒤에 다시 올려 주세요.`,
      retryAfterSec,
    );
}

function span(ms: number): string {
  if (ms >= 3_600_000) return `${Math.ceil(ms / 3_600_000)}시간`;
  if (ms >= 60_000) return `${Math.ceil(ms / 60_000)}분`;
  return `${Math.ceil(ms / 1000)}초`;
}
