import type { ErrorBody, ErrorCode, ErrorIssue } from '@erun/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError } from '../lib/errors.ts';
import { DatabaseOutage, isDatabaseUnavailable } from './database-outage.ts';

const STATUS_CODES: Record<number, [ErrorCode, string]> = {
  400: ['VALIDATION_FAILED', 'The request is not valid'],
  401: ['UNAUTHENTICATED', 'Sign-in required'],
  403: ['FORBIDDEN', 'Not allowed'],
  404: ['NOT_FOUND', 'Not found'],
  405: ['METHOD_NOT_ALLOWED', 'Method not allowed'],
  406: ['NOT_ACCEPTABLE', 'Not acceptable'],
  409: ['CONFLICT', 'Conflict'],
  413: ['PAYLOAD_TOO_LARGE', 'Payload too large'],
  415: ['UNSUPPORTED_MEDIA_TYPE', 'Unsupported media type'],
  429: ['RATE_LIMITED', 'Too many requests'],
};

/** Fastify's own client errors, mapped to the one error body; their messages are safe to show. */
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'Malformed JSON body',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'Empty JSON body',
  FST_ERR_CTP_BODY_TOO_LARGE: 'Request body is too large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Unsupported content type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'Invalid content length',
  FST_REQ_FILE_TOO_LARGE: 'File is too large',
  FST_FILES_LIMIT: 'Too many files',
  FST_PARTS_LIMIT: 'Too many parts',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'Expected multipart/form-data',
};

/** Seconds a client is told to wait (`Retry-After`) while the database is unreachable. */
export const DATABASE_RETRY_AFTER_SEC = 5;

/**
 * `ping` checks the database during an outage, to log its end (`DatabaseOutage`). Returns that outage tracker:
 * while it says `ongoing`, requests that needed the database answer 503 (and `/metrics` says the database is down).
 */
export function registerErrorHandler(app: FastifyInstance, ping: () => Promise<void>): DatabaseOutage {
  const outage = new DatabaseOutage(ping, app.log);
  app.addHook('onClose', () => outage.close());
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof AppError) {
      if (error.headers) void reply.headers(error.headers);
      return reply.status(error.statusCode).send(body(error.code, error.message, error.issues));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues: ErrorIssue[] = error.validation.map((v) => ({
        path: [error.validationContext ?? 'body', ...pathOf(v.instancePath)],
        code: issueCode(v.params),
        message: v.message ?? 'invalid',
      }));
      return reply.status(400).send(body('VALIDATION_FAILED', 'The request is not valid', issues));
    }
    // @fastify/multipart says 406 for a body that is not multipart; to a client that is an unsupported type.
    const status = error.code === 'FST_INVALID_MULTIPART_CONTENT_TYPE' ? 415 : (error.statusCode ?? 500);
    if (status >= 400 && status < 500 && !isResponseSerializationError(error)) {
      const [code, fallback] = STATUS_CODES[status] ?? ['BAD_REQUEST', 'Bad request'];
      const message = FASTIFY_CODES[error.code] ?? fallback;
      return reply.status(status).send(body(code, message));
    }
    // The database unreachable is not our bug but an outage: 503, logged once for the whole outage (issue 13).
    if (isDatabaseUnavailable(error)) {
      outage.record(error);
      return reply
        .status(503)
        .header('retry-after', String(DATABASE_RETRY_AFTER_SEC))
        .send(body('SERVICE_UNAVAILABLE', 'The service is temporarily unavailable; retry shortly'));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(body('INTERNAL_ERROR', 'Something went wrong on our side'));
  });
  return outage;
}

function body(code: ErrorCode, message: string, issues?: ErrorIssue[]): ErrorBody {
  return issues ? { code, message, issues } : { code, message };
}

function pathOf(instancePath: string): (string | number)[] {
  return instancePath
    .split('/')
    .filter(Boolean)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

function issueCode(params: Record<string, unknown>): string {
  const issue = params.issue as { code?: unknown } | undefined;
  return typeof issue?.code === 'string' ? issue.code : 'invalid';
}
