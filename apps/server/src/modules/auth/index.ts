/**
 * What the auth module offers beyond AuthService: the access-token verifier (HTTP and sockets authenticate with
 * it) and the refresh-token cookie (routes that end a session clear it).
 */
export { AccessTokens } from './access-tokens.ts';
export type { SessionCookies } from './session-cookie.ts';
