import { z } from 'zod';

/** What kind of device a session's browser runs on (from its user agent). */
export const DEVICE_TYPES = ['desktop', 'mobile', 'tablet', 'unknown'] as const;
export const DeviceTypeSchema = z.enum(DEVICE_TYPES);
export type DeviceType = z.infer<typeof DeviceTypeSchema>;

/**
 * One signed-in device (issue 15): a sign-in and the refresh-token family it started. Browser and OS are read
 * from the user agent (null when it says nothing we know); the address is masked (`203.0.113.x`).
 */
export const SessionSchema = z.object({
  id: z.uuid(),
  /** The session the caller's access token belongs to ("이 기기"). */
  current: z.boolean(),
  browser: z.string().nullable(),
  browserVersion: z.string().nullable(),
  os: z.string().nullable(),
  osVersion: z.string().nullable(),
  deviceType: DeviceTypeSchema,
  /** First signed in. */
  createdAt: z.iso.datetime({ offset: true }),
  /** Last sign-in or token refresh (to the minute). */
  lastUsedAt: z.iso.datetime({ offset: true }),
  ip: z.string().nullable(),
});
export type Session = z.infer<typeof SessionSchema>;

/** Live sessions only (not signed out, not expired), most recently used first. */
export const SessionListSchema = z.object({ items: z.array(SessionSchema) });
export type SessionList = z.infer<typeof SessionListSchema>;

export const SessionParamsSchema = z.object({ sessionId: z.uuid() });
