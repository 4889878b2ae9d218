export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 60 * 60 * 1000;
