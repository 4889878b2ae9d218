import type { ErrorIssue } from '@erun/contracts';
import { loadContracts } from './load-contracts.ts';

/** The one error type every API call rejects with (besides aborts). `code` follows the server's error codes. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: ErrorIssue[];
  /** Seconds from a Retry-After header (429), when the server sent one. */
  readonly retryAfter: number | null;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    issues?: ErrorIssue[];
    retryAfter?: number | null;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.issues = init.issues ?? [];
    this.retryAfter = init.retryAfter ?? null;
  }
}

/** What a transport (fetch or XHR) hands back: enough to build a result or an ApiError. */
export interface RawResponse {
  status: number;
  header(name: string): string | null;
  text: string;
}

// When a proxy or the platform answers instead of our server, the body is not ours: fall back on the status.
const STATUS_CODES: Record<number, string> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

export function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (value === null || value.trim() === '') return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}

export async function toApiError(raw: RawResponse): Promise<ApiError> {
  const { ErrorBodySchema } = await loadContracts();
  const body = ErrorBodySchema.safeParse(parseJson(raw.text));
  const fallbackCode = STATUS_CODES[raw.status] ?? (raw.status >= 500 ? 'INTERNAL_ERROR' : 'UNKNOWN');
  return new ApiError({
    status: raw.status,
    code: body.success ? body.data.code : fallbackCode,
    message: body.success ? body.data.message : `HTTP ${raw.status}`,
    issues: body.success ? body.data.issues : undefined,
    retryAfter: parseRetryAfter(raw.header('retry-after')),
  });
}

export function networkError(): ApiError {
  return new ApiError({ status: 0, code: 'NETWORK_ERROR', message: 'Network request failed' });
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
