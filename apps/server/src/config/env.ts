import { isIP } from 'node:net';
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
/** A yes/no setting written as true/false (or on/off, 1/0); empty = unset. */
const Flag = z
  .string()
  .optional()
  .transform((v) => (v === '' || v === undefined ? undefined : v.toLowerCase()))
  .pipe(z.enum(['true', 'false', 'on', 'off', '1', '0']).optional())
  .transform((v) => (v === undefined ? undefined : ['true', 'on', '1'].includes(v)));

/** Push services of the browsers people use: Chromium (FCM), Firefox (autopush), Edge (WNS), Safari (APNs). */
const PUSH_HOSTS = [
  'fcm.googleapis.com',
  '*.push.services.mozilla.com',
  '*.notify.windows.com',
  'web.push.apple.com',
  '*.push.apple.com',
];
const HostListSchema = z
  .string()
  .transform((v) =>
    v
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter((h) => h !== ''),
  )
  .pipe(
    z
      .array(
        z
          .string()
          .regex(/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+$/, { message: 'expected host names or *.domain' }),
      )
      .min(1),
  );

/** A provider's origin (https, or plain http on loopback for tests' fakes), defaulting to the real one. */
function providerOrigin(real: string) {
  return z
    .url({ protocol: /^https?$/, message: `expected an origin such as ${real}` })
    .refine((v) => isOrigin(v), { message: `expected an origin only, such as ${real}` })
    .refine((v) => v.startsWith('https:') || isLoopbackUrl(v), {
      message: 'expected https (plain http only to 127.0.0.1 or localhost, for tests)',
    })
    .default(real);
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
/** An address, a CIDR block or one of proxy-addr's names for the ranges Fastify's `trustProxy` accepts. */
function isProxyAddress(entry: string): boolean {
  if (PROXY_NAMES.has(entry)) return true;
  const [address = '', bits, extra] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}
/**
 * Which hops in front of us may set X-Forwarded-For: `off`, a hop count (`1` behind one load balancer) or
 * the proxies' addresses/CIDRs. Never "every hop": then any client could choose the address that rate limits,
 * view counts and logs see, so `on`/`true` are refused rather than guessed at.
 */
const TrustProxySchema = z
  .string()
  .trim()
  .refine((v) => !['on', 'true', 'yes', 'all', '*'].includes(v.toLowerCase()), {
    message:
      'trusting every hop lets any client choose its address; use off, a hop count (1 behind one load ' +
      "balancer) or the proxies' addresses/CIDRs (10.0.0.0/8,192.168.1.5)",
    abort: true,
  })
  .refine(
    (v) =>
      v === '' ||
      v === 'off' ||
      /^\d{1,2}$/.test(v) ||
      v.split(',').every((entry) => isProxyAddress(entry.trim())),
    {
      message:
        'expected off, a hop count (1, 2) or a comma list of proxy addresses/CIDRs (10.0.0.0/8,192.168.1.5)',
    },
  )
  .transform((v): false | number | string[] => {
    if (v === '' || v === 'off' || v === '0') return false;
    if (/^\d+$/.test(v)) return Number(v);
    return v.split(',').map((entry) => entry.trim());
  });
export type TrustProxy = z.output<typeof TrustProxySchema>;
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
    // Redis is an accelerator (ADR 014): each command gives up after this long, and the app carries on without it.
    REDIS_COMMAND_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(500),
    // PostgreSQL: how long to wait for a pooled connection, and the longest one statement may run (server side;
    // the client gives up a little later, so a frozen database cannot hold a request forever).
    DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
    DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
    // GET /metrics (Prometheus) answers a scrape carrying `Authorization: Bearer <METRICS_TOKEN>`; unset = 404.
    METRICS_TOKEN: optionalString.pipe(
      z
        .string()
        .regex(/^[\x21-\x7e]{16,}$/, { message: 'expected at least 16 printable characters, no spaces' })
        .optional(),
    ),
    // The worker (--role=worker) serves GET /metrics alone on this port (it has no HTTP listener otherwise);
    // unset = the worker exposes no metrics. Needs METRICS_TOKEN.
    METRICS_PORT: optionalString
      .transform((v) => (v === undefined ? undefined : Number(v)))
      .pipe(z.number().int().min(1).max(65535).optional()),
    PUBLIC_URL: optionalString.pipe(z.url().optional()),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    TRUST_PROXY: TrustProxySchema.default(false),
    WEB_DIST_DIR: optionalString,
    // The web app's server-rendering bundle (ADR 023); absent: the public pages are sent without their content.
    WEB_SSR_DIR: optionalString,
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
    // Graceful shutdown (docs/operations.md): after SIGTERM, /api/ready answers 503 while the process keeps
    // serving this long, so the balancer moves away; then it stops accepting and finishes what it accepted.
    SHUTDOWN_DRAIN_SECONDS: z.coerce.number().int().min(0).max(300).default(5),
    // Last resort: a shutdown still running after this long exits with code 1. Above the drain + a request.
    SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
    // Below this much free space in DATA_DIR (MB): uploads answer 507, and in embedded mode the server does not
    // start and /api/ready answers 503 (the database is on that disk).
    DISK_MIN_FREE_MB: z.coerce.number().int().min(0).max(1_000_000_000).default(100),
    // Where uploaded images are kept: `local` = DATA_DIR/uploads, served by the app at /uploads; `s3` = an
    // S3-compatible bucket (AWS S3, Cloudflare R2, MinIO, NCP Object Storage…), read by browsers straight from it.
    STORAGE: z.enum(['local', 's3']).default('local'),
    // The store's API (unset: AWS S3 in S3_REGION), e.g. https://<account>.r2.cloudflarestorage.com.
    S3_ENDPOINT: optionalString.pipe(
      z
        .url({ protocol: /^https?$/, message: 'expected an http(s) URL such as https://s3.example.com' })
        .optional(),
    ),
    S3_BUCKET: optionalString.pipe(
      z
        .string()
        .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, {
          message: 'expected a bucket name such as erun-photos',
        })
        .optional(),
    ),
    // Required for AWS S3 (no S3_ENDPOINT); other stores mostly ignore it (R2: auto, NCP: kr-standard).
    S3_REGION: optionalString,
    S3_ACCESS_KEY_ID: optionalString,
    S3_SECRET_ACCESS_KEY: optionalString,
    // Bucket in the path (https://host/bucket/key) rather than the host name; default: on with S3_ENDPOINT.
    S3_FORCE_PATH_STYLE: Flag,
    // Where browsers fetch the images (a CDN, the bucket's public URL): URL + '/' + key. Unset: the store's own.
    S3_PUBLIC_URL: optionalString.pipe(
      z
        .url({ protocol: /^https?$/, message: 'expected an http(s) URL such as https://img.erun.example' })
        .optional(),
    ),
    // Each call to the store gives up after this long (an upload then answers 503, never hangs).
    S3_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5000),
    // Browser tests only: a JSON file {"offsetMs": n} that moves the server's clock; refused in production.
    TEST_CLOCK_FILE: optionalString,
    // Guests' reads of the run feed and run pages are served from memory for this long (ADR 006); 0 = off.
    RESPONSE_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
    RATE_LIMIT_LOGIN_IP: RateLimitSchema.default(rateLimit('30/15m')),
    RATE_LIMIT_LOGIN_ACCOUNT: RateLimitSchema.default(rateLimit('10/15m')),
    // Sign-ups per client IP: generous an hour (a crew of 30 on one Wi-Fi), tighter a day (a script meets a wall).
    RATE_LIMIT_SIGNUP_IP: RateLimitSchema.default(rateLimit('40/1h')),
    RATE_LIMIT_SIGNUP_IP_DAY: RateLimitSchema.default(rateLimit('100/24h')),
    // 중복확인 (is this address taken?) per client IP an hour; a day it shares the sign-up's daily cap.
    RATE_LIMIT_EMAIL_CHECK_IP: RateLimitSchema.default(rateLimit('60/1h')),
    // Password reset requests (issue 15): per client IP (mail and text each), per address, per number.
    RATE_LIMIT_RESET_IP: RateLimitSchema.default(rateLimit('20/1h')),
    RATE_LIMIT_RESET_EMAIL: RateLimitSchema.default(rateLimit('5/1h')),
    RATE_LIMIT_RESET_PHONE: RateLimitSchema.default(rateLimit('5/24h')),
    RATE_LIMIT_REFRESH_IP: RateLimitSchema.default(rateLimit('120/1m')),
    RATE_LIMIT_REFRESH_ACCOUNT: RateLimitSchema.default(rateLimit('30/1m')),
    RATE_LIMIT_API_IP: RateLimitSchema.default(rateLimit('600/1m')),
    RATE_LIMIT_COMMENT_USER: RateLimitSchema.default(rateLimit('20/1m')),
    RATE_LIMIT_CHAT_USER: RateLimitSchema.default(rateLimit('30/1m')),
    // Reports (신고) per signed-in user: enough for a bad evening, too few to flood the moderators' queue.
    RATE_LIMIT_REPORT_USER: RateLimitSchema.default(rateLimit('10/1h')),
    // Content reported by this many different people is hidden until a moderator decides (DOMAIN.md: 3).
    REPORT_HIDE_THRESHOLD: z.coerce.number().int().min(1).max(100).default(3),
    RATE_LIMIT_UPLOAD_USER: RateLimitSchema.default(rateLimit('20/5m')),
    // Images one user may upload per window (attempts count, refused ones too); off with RATE_LIMITS=off.
    UPLOAD_QUOTA_USER: RateLimitSchema.default(rateLimit('100/24h')),
    // Socket events (run:watch, chat:join…): per socket in each process (a token bucket refilled at this
    // rate), and per user across every process together with handshakes.
    RATE_LIMIT_SOCKET_EVENTS: RateLimitSchema.default(rateLimit('30/10s')),
    RATE_LIMIT_SOCKET_USER: RateLimitSchema.default(rateLimit('120/1m')),
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
    // Hosts push endpoints may be on (comma-separated; `*.domain` = any subdomain): browsers' push services.
    PUSH_ALLOWED_HOSTS: HostListSchema.default(PUSH_HOSTS),
    // Browsers (push subscriptions) one account may keep; subscribing one more drops its oldest.
    PUSH_MAX_SUBSCRIPTIONS_PER_USER: z.coerce.number().int().min(1).max(100).default(10),
    // Tests only (integration, browser): push endpoints may also be plain http on 127.0.0.1, where the tests'
    // fake push service listens. Refused in production.
    TEST_PUSH_LOOPBACK: OnOff.default('off'),
    // Notification texts (reminders) one account, and one phone number, may receive in any 24 hours; the
    // rest are recorded as skipped. Verification codes have their own limits.
    SMS_DAILY_LIMIT_USER: z.coerce.number().int().min(0).max(1000).default(10),
    SMS_DAILY_LIMIT_NUMBER: z.coerce.number().int().min(0).max(1000).default(10),
    // Mail (ADR 017). Unset: every message is written to the server log ("mail (log transport)"), nothing is
    // sent. smtp://user:pass@host:587 upgrades with STARTTLS when the server offers it (?requireTLS=true insists);
    // smtps://user:pass@host:465 is TLS from the first byte. Characters such as @ : / in the password are
    // percent-encoded.
    SMTP_URL: optionalString.pipe(
      z
        .url({
          protocol: /^smtps?$/,
          hostname: /^\S+$/,
          message: 'expected smtp://user:pass@host:587 (STARTTLS) or smtps://user:pass@host:465 (TLS)',
        })
        .optional(),
    ),
    // The From header of every message: an address, with a display name if wanted.
    MAIL_FROM: z
      .string()
      .regex(/^(?:[^<>\r\n]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/, {
        message: 'expected an address such as no-reply@erun.example or "이RUN 저RUN <no-reply@erun.example>"',
      })
      .default('이RUN 저RUN <no-reply@localhost>'),
    // Connecting, the server's greeting and each exchange give up after this long; one message after three
    // times it (so a frozen mail server holds a sweep at most that long, below the outbox's 2-minute lease).
    SMTP_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(10_000),
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
    // Place search (GET /api/places): with a REST API key, Kakao Local's keyword search; without one, or when
    // Kakao fails or is slow, the built-in list of every 시·군·구 and the well-known running spots.
    KAKAO_REST_API_KEY: optionalString.pipe(
      z
        .string()
        .regex(/^[\x21-\x7e]+$/, { message: 'expected the REST API key, printable characters, no spaces' })
        .optional(),
    ),
    // Tests only: where Kakao Local is (a fake on loopback). https, or http on 127.0.0.1/localhost outside
    // production; never a path, query or credentials.
    KAKAO_LOCAL_URL: z
      .url({ protocol: /^https?$/, message: 'expected an origin such as https://dapi.kakao.com' })
      .refine((v) => isOrigin(v), { message: 'expected an origin only, such as https://dapi.kakao.com' })
      .refine((v) => v.startsWith('https:') || isLoopbackUrl(v), {
        message: 'expected https (plain http only to 127.0.0.1 or localhost, for tests)',
      })
      .default('https://dapi.kakao.com'),
    // A Kakao Local call gives up after this long, and the search answers from the built-in list.
    KAKAO_LOCAL_TIMEOUT_MS: z.coerce.number().int().min(100).max(10_000).default(2000),
    // After this many failed Kakao Local calls in a row, place searches skip Kakao (the built-in list answers
    // at once) for KAKAO_LOCAL_COOLDOWN_MS, then try it with one call (lib/circuit-breaker.ts).
    KAKAO_LOCAL_BREAKER_FAILURES: z.coerce.number().int().min(1).max(100).default(3),
    KAKAO_LOCAL_COOLDOWN_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
    // Place searches per client IP (typing in the search field; each may cost a call to Kakao Local).
    RATE_LIMIT_PLACES_IP: RateLimitSchema.default(rateLimit('120/1m')),
    // Weather at a run's start (ADR 021): with a data.go.kr service key (the decoded one), 기상청 단기예보; with
    // AIRKOREA_SERVICE_KEY as well, 에어코리아's PM10/PM2.5 forecast grades. Without KMA_SERVICE_KEY nothing is shown
    // and nothing is fetched.
    KMA_SERVICE_KEY: optionalString.pipe(
      z
        .string()
        .regex(/^[\x21-\x7e]+$/, { message: 'expected the service key, printable characters, no spaces' })
        .optional(),
    ),
    AIRKOREA_SERVICE_KEY: optionalString.pipe(
      z
        .string()
        .regex(/^[\x21-\x7e]+$/, { message: 'expected the service key, printable characters, no spaces' })
        .optional(),
    ),
    // Where the APIs are (tests: fakes on loopback); an origin, https or loopback http outside production.
    KMA_API_URL: providerOrigin('https://apis.data.go.kr'),
    AIRKOREA_API_URL: providerOrigin('https://apis.data.go.kr'),
    // A call gives up after this long; the run page then shows no forecast (or no dust grades).
    KMA_TIMEOUT_MS: z.coerce.number().int().min(100).max(10_000).default(3000),
    AIRKOREA_TIMEOUT_MS: z.coerce.number().int().min(100).max(10_000).default(3000),
    // Run cards show weather warnings from each API process's own forecast cache (never a call while a list is
    // read): every WEATHER_WARM_MINUTES the process asks about the cells of the runs starting in the next 48 h,
    // nearest first, at most WEATHER_WARM_MAX_CELLS of them. 0 minutes: no warming (cards warn only about runs
    // whose page someone opened).
    WEATHER_WARM_MINUTES: z.coerce.number().int().min(0).max(180).default(15),
    WEATHER_WARM_MAX_CELLS: z.coerce.number().int().min(1).max(1000).default(60),
    NAVER_CLIENT_ID: optionalString,
    NAVER_CLIENT_SECRET: optionalString,
    NAVER_AUTHORIZE_URL: z.url().default('https://nid.naver.com/oauth2.0/authorize'),
    NAVER_TOKEN_URL: z.url().default('https://nid.naver.com/oauth2.0/token'),
    NAVER_USERINFO_URL: z.url().default('https://openapi.naver.com/v1/nid/me'),
  })
  // The 30-day refresh cookie is Secure only on an https origin; production without one would send it in clear.
  .refine((env) => env.NODE_ENV !== 'production' || isHttps(env.PUBLIC_URL), {
    path: ['PUBLIC_URL'],
    message: 'production needs the https origin users visit, e.g. https://erun.example.com',
  })
  .refine((env) => env.SHUTDOWN_TIMEOUT_SECONDS > env.SHUTDOWN_DRAIN_SECONDS, {
    path: ['SHUTDOWN_TIMEOUT_SECONDS'],
    message: 'must be longer than SHUTDOWN_DRAIN_SECONDS (the drain, then the requests in flight)',
  })
  .refine((env) => !(env.NODE_ENV === 'production' && env.TEST_CLOCK_FILE), {
    path: ['TEST_CLOCK_FILE'],
    message: 'is for browser tests and must not be set in production',
  })
  .refine((env) => !(env.NODE_ENV === 'production' && isLoopbackUrl(env.KAKAO_LOCAL_URL)), {
    path: ['KAKAO_LOCAL_URL'],
    message: 'is for tests (a fake on loopback) and must not point there in production',
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== 'production') return;
    for (const name of ['KMA_API_URL', 'AIRKOREA_API_URL'] as const)
      if (isLoopbackUrl(env[name]))
        ctx.addIssue({
          code: 'custom',
          path: [name],
          message: 'is for tests and must not point to loopback in production',
        });
  })
  .refine((env) => !(env.NODE_ENV === 'production' && env.TEST_PUSH_LOOPBACK === 'on'), {
    path: ['TEST_PUSH_LOOPBACK'],
    message: 'is for tests and must not be on in production',
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
  .refine((env) => env.METRICS_PORT === undefined || env.METRICS_TOKEN !== undefined, {
    path: ['METRICS_PORT'],
    message: 'needs METRICS_TOKEN (metrics are only served to a scraper that has it)',
  })
  .refine((env) => Boolean(env.VAPID_PUBLIC_KEY) === Boolean(env.VAPID_PRIVATE_KEY), {
    path: ['VAPID_PRIVATE_KEY'],
    message: 'set both VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY, or neither',
  })
  .superRefine((env, ctx) => {
    if (env.STORAGE !== 's3') return;
    const need = (name: keyof typeof env, what: string) => {
      if (!env[name])
        ctx.addIssue({ code: 'custom', path: [name], message: `STORAGE=s3 needs ${name}: ${what}` });
    };
    need('S3_BUCKET', 'the bucket uploads are stored in');
    need('S3_ACCESS_KEY_ID', "the store's access key");
    need('S3_SECRET_ACCESS_KEY', "the store's secret key");
    if (!env.S3_ENDPOINT)
      need('S3_REGION', "the bucket's AWS region, e.g. ap-northeast-2 (or set S3_ENDPOINT)");
    // An http image on an https page is blocked (mixed content) and the CSP only lets https images through.
    if (env.NODE_ENV === 'production' && env.S3_PUBLIC_URL && !isHttps(env.S3_PUBLIC_URL))
      ctx.addIssue({ code: 'custom', path: ['S3_PUBLIC_URL'], message: 'production needs an https URL' });
  })
  .transform((env) => ({
    ...env,
    HOST: env.HOST ?? (env.DATABASE_URL ? '0.0.0.0' : '127.0.0.1'),
    S3_REGION: env.S3_REGION ?? 'us-east-1',
    S3_FORCE_PATH_STYLE: env.S3_FORCE_PATH_STYLE ?? env.S3_ENDPOINT !== undefined,
    S3_PUBLIC_URL: env.S3_PUBLIC_URL?.replace(/\/+$/, ''),
  }));

export type Env = z.output<typeof EnvSchema>;

/** A URL with nothing after its origin (no credentials, path, query or fragment). */
function isOrigin(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const u = new URL(url);
  return u.username === '' && u.password === '' && u.pathname === '/' && u.search === '' && u.hash === '';
}

/** Plain http to this machine (tests' fakes). */
function isLoopbackUrl(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const u = new URL(url);
  return u.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
}

function isHttps(url: string | undefined): boolean {
  return url !== undefined && new URL(url).protocol === 'https:';
}

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
