export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * How long after its rotation a refresh token may be presented again as a retry of a refresh whose answer was
 * lost, and get the same successor (ADR 027). Later, or once the successor was used, it is reuse.
 */
export const REFRESH_RETRY_GRACE_MS = 30 * 1000;
