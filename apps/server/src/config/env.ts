import { z } from 'zod';

/** A rate limit written as `COUNT/WINDOW`, e.g. `10/15m`, `60/1m`, `5/1h`, `30/30s`. */
const RateLimitSchema = z
  .string()
  .regex(/^\d+\/\d+[smh]$/, { message: 'expected COUNT/WINDOW such as 10/15m' })
  .transform((v) => {
    const [count, window] = v.split('/') as [string, string];
    const unit = window.slice(-1);
    const amount = Number(window.slice(0, -1));
    const ms = amount * (unit === 'h' ? 3_600_000 : unit === 'm' ? 60_000 : 1000);
    return { max: Number(count), windowMs: ms };
  });
export type RateLimit = z.output<typeof RateLimitSchema>;
const rateLimit = (text: string): RateLimit => RateLimitSchema.parse(text);

const OnOff = z.enum(['on', 'off']);
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === '' ? undefined : v));

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    // Interface to listen on. Unset: 127.0.0.1 with the embedded database (a demo on a laptop is not offered to
    // the whole Wi-Fi), 0.0.0.0 with DATABASE_URL (a deployment). Containers set 0.0.0.0.
    HOST: optionalString,
    DATA_DIR: z.string().default('./data'),
    DATABASE_URL: optionalString.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
    REDIS_URL: optionalString.pipe(z.url({ protocol: /^rediss?$/ }).optional()),
    REDIS_KEY_PREFIX: z.string().default('erun:'),
    PUBLIC_URL: optionalString.pipe(z.url().optional()),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    TRUST_PROXY: OnOff.default('off'),
    WEB_DIST_DIR: optionalString,
    DEMO_DATA: z.enum(['auto', 'on', 'off']).default('auto'),
    // The demo accounts' password. Unset: one is generated when they are created and printed once in the log.
    DEMO_PASSWORD: optionalString.pipe(z.string().min(8).optional()),
    // The API's description at /api/docs and /api/openapi.json: auto = on except in production.
    API_DOCS: z.enum(['auto', 'on', 'off']).default('auto'),
    // A request's headers and body must arrive within this many seconds (slow clients hold a connection).
    REQUEST_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(30),
    RATE_LIMITS: OnOff.default('on'),
    // How often a worker sends due reminders (D-day, start − 30 min, review requests). Exactly once regardless.
    REMINDER_SWEEP_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
    // Browser tests only: a JSON file {"offsetMs": n} that moves the server's clock; refused in production.
    TEST_CLOCK_FILE: optionalString,
    // Guests' reads of the run feed and run pages are served from memory for this long (ADR 006); 0 = off.
    RESPONSE_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
    RATE_LIMIT_LOGIN_IP: RateLimitSchema.default(rateLimit('30/15m')),
    RATE_LIMIT_LOGIN_ACCOUNT: RateLimitSchema.default(rateLimit('10/15m')),
    RATE_LIMIT_SIGNUP_IP: RateLimitSchema.default(rateLimit('10/1h')),
    RATE_LIMIT_REFRESH_IP: RateLimitSchema.default(rateLimit('120/1m')),
    RATE_LIMIT_REFRESH_ACCOUNT: RateLimitSchema.default(rateLimit('30/1m')),
    RATE_LIMIT_API_IP: RateLimitSchema.default(rateLimit('600/1m')),
    RATE_LIMIT_COMMENT_USER: RateLimitSchema.default(rateLimit('20/1m')),
    RATE_LIMIT_CHAT_USER: RateLimitSchema.default(rateLimit('30/1m')),
    JWT_SECRET: optionalString.pipe(z.string().min(32).optional()),
    PHONE_ENCRYPTION_KEY: optionalString.pipe(z.string().min(32).optional()),
    // Text messages: `log` writes them to the server log (development, tests); `sens` sends through Naver SENS.
    SMS_PROVIDER: z.enum(['log', 'sens']).default('log'),
    SENS_BASE_URL: z.url().default('https://sens.apigw.ntruss.com'),
    SENS_SERVICE_ID: optionalString.pipe(
      z
        .string()
        .regex(/^[\w:.-]+$/)
        .optional(),
    ),
    SENS_ACCESS_KEY: optionalString,
    SENS_SECRET_KEY: optionalString,
    // The sender number registered with SENS (digits only).
    SENS_FROM: optionalString,
    // Web push keys (base64url); when both are empty a pair is generated once and kept in the database.
    VAPID_PUBLIC_KEY: optionalString,
    VAPID_PRIVATE_KEY: optionalString,
    // Who push services may contact about this sender: mailto: or https: URL.
    VAPID_SUBJECT: z
      .string()
      .regex(/^(mailto:|https:\/\/)/, { message: 'expected a mailto: or https:// URL' })
      .default('mailto:admin@erunjrun.example'),
    MAP_TILE_URL: z.string().default('https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png'),
    MAP_TILE_ATTRIBUTION: z
      .string()
      .default('&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'),
    KAKAO_JS_KEY: optionalString,
    KAKAO_CLIENT_ID: optionalString,
    KAKAO_CLIENT_SECRET: optionalString,
    KAKAO_AUTHORIZE_URL: z.url().default('https://kauth.kakao.com/oauth/authorize'),
    KAKAO_TOKEN_URL: z.url().default('https://kauth.kakao.com/oauth/token'),
    KAKAO_USERINFO_URL: z.url().default('https://kapi.kakao.com/v2/user/me'),
    NAVER_CLIENT_ID: optionalString,
    NAVER_CLIENT_SECRET: optionalString,
    NAVER_AUTHORIZE_URL: z.url().default('https://nid.naver.com/oauth2.0/authorize'),
    NAVER_TOKEN_URL: z.url().default('https://nid.naver.com/oauth2.0/token'),
    NAVER_USERINFO_URL: z.url().default('https://openapi.naver.com/v1/nid/me'),
  })
  .refine((env) => !(env.NODE_ENV === 'production' && env.TEST_CLOCK_FILE), {
    path: ['TEST_CLOCK_FILE'],
    message: 'is for browser tests and must not be set in production',
  })
  .refine(
    (env) =>
      env.SMS_PROVIDER !== 'sens' ||
      (env.SENS_SERVICE_ID && env.SENS_ACCESS_KEY && env.SENS_SECRET_KEY && env.SENS_FROM),
    {
      path: ['SMS_PROVIDER'],
      message: 'sens needs SENS_SERVICE_ID, SENS_ACCESS_KEY, SENS_SECRET_KEY and SENS_FROM',
    },
  )
  .refine((env) => Boolean(env.VAPID_PUBLIC_KEY) === Boolean(env.VAPID_PRIVATE_KEY), {
    path: ['VAPID_PRIVATE_KEY'],
    message: 'set both VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY, or neither',
  })
  .transform((env) => ({ ...env, HOST: env.HOST ?? (env.DATABASE_URL ? '0.0.0.0' : '127.0.0.1') }));

export type Env = z.output<typeof EnvSchema>;

/** Parses the environment; throws one error naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
  throw new Error(`Invalid environment variables:\n${lines.join('\n')}`);
}

/** The process environment, parsed once; on failure prints what is wrong and exits. */
export function loadEnv(): Env {
  try {
    return parseEnv(process.env);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
