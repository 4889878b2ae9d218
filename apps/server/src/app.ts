import { randomUUID } from 'node:crypto';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import type { Redis } from 'ioredis';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { validatorCompiler } from './http/validation.ts';
import type { Env, TrustProxy } from './config/env.ts';
import { createServices, type Services } from './services.ts';
import { coursesRoutes } from './modules/courses/courses.routes.ts';
import { commentsRoutes } from './modules/comments/comments.routes.ts';
import { announcementsRoutes } from './modules/announcements/announcements.routes.ts';
import { notificationsRoutes } from './modules/notifications/notifications.routes.ts';
import { afterRunRoutes } from './modules/after-run/after-run.routes.ts';
import { disputesRoutes } from './modules/after-run/disputes.routes.ts';
import { calendarRoutes } from './modules/calendar/calendar.routes.ts';
import { chatRoutes } from './modules/chat/chat.routes.ts';
import { deliveriesRoutes } from './modules/deliveries/deliveries.routes.ts';
import { phoneRoutes } from './modules/phone/phone.routes.ts';
import { crewMembersRoutes } from './modules/crews/crew-members.routes.ts';
import { LogMailSender } from './adapters/log-mail-sender.ts';
import { SmtpMailSender } from './adapters/smtp-mail-sender.ts';
import { LogSmsSender } from './adapters/log-sms-sender.ts';
import { SensSmsSender } from './adapters/sens-sms-sender.ts';
import { type HostLookup, systemLookup } from './adapters/push-endpoints.ts';
import { type VapidKeys, WebPushSender } from './adapters/web-push-sender.ts';
import type { MailSender } from './ports/mail.ts';
import type { SmsSender } from './ports/sms.ts';
import type { Database } from './db/client.ts';
import { authHooks, privateResponses, routeAccess } from './http/authenticate.ts';
import { logSerializers } from './http/log-redaction.ts';
import { registerErrorHandler } from './http/error-handler.ts';
import { queuedJobs } from './jobs/jobs.ts';
import { type AppMetrics, registerMetrics } from './http/metrics.ts';
import { registerOpenApi } from './http/openapi.ts';
import { passwordGuessLimits, rateLimitHookFactory } from './http/rate-limit.ts';
import { sameOriginHook } from './http/same-origin.ts';
import { AccountStatusCache, accountStatusMode } from './http/account-status.ts';
import { ResponseCache } from './http/response-cache.ts';
import { PersonalCache } from './http/personal-cache.ts';
import { toldMode } from './http/told-channel.ts';
import { registerSecurityHeaders } from './http/security-headers.ts';
import { registerCompression } from './http/compression.ts';
import { Drain, registerDrain } from './http/drain.ts';
import type { DiskSpace } from './ports/disk.ts';
import { attachRealtime } from './http/realtime.ts';
import { chatRoom, crewChatRoom, runRoom } from './ports/realtime.ts';
import { courseMetaTags, crewMetaTags, runMetaTags, registerThemeImages } from './http/run-preview.ts';
import { registerPages, ssrRendererOf } from './http/pages.ts';
import { registerSitemap } from './http/sitemap.ts';
import { registerUploads, registerWeb } from './http/web.ts';
import { NotFoundError } from './lib/errors.ts';
import { AccessTokens } from './modules/auth/access-tokens.ts';
import { passwordRoutes } from './modules/auth/password.routes.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { emailRoutes } from './modules/auth/email.routes.ts';
import { OAuthProviderClient, oauthConfigsFrom } from './modules/auth/oauth-providers.ts';
import { connectionsRoutes, oauthRoutes } from './modules/auth/oauth.routes.ts';
import { accountRoutes } from './modules/account/account.routes.ts';
import { isSecureOrigin, sessionCookies } from './modules/auth/session-cookie.ts';
import { deviceCookies } from './modules/auth/device-cookie.ts';
import { sessionsRoutes } from './modules/auth/sessions.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { MAX_UPLOAD_BYTES, uploadQuotaError, uploadsRoutes } from './modules/uploads/uploads.routes.ts';
import { crewsRoutes } from './modules/crews/crews.routes.ts';
import { runsRoutes } from './modules/runs/runs.routes.ts';
import { seriesRoutes } from './modules/series/series.routes.ts';
import { configRoutes } from './modules/health/config.routes.ts';
import { blocksRoutes } from './modules/blocks/blocks.routes.ts';
import { savedSearchesRoutes } from './modules/saved-searches/saved-searches.routes.ts';
import { consentsRoutes } from './modules/consents/consents.routes.ts';
import { usersRoutes } from './modules/users/users.routes.ts';
import { reportsRoutes } from './modules/reports/reports.routes.ts';
import { moderationRoutes } from './modules/moderation/moderation.routes.ts';
import { restrictionAt } from './modules/moderation/moderation.service.ts';
import { placesRoutes } from './modules/places/places.routes.ts';
import { PlacesService } from './modules/places/places.service.ts';
import { BuiltinPlaces } from './modules/places/builtin-places.ts';
import { KakaoLocalPlaces } from './adapters/kakao-local-places.ts';
import { CircuitBreaker } from './lib/circuit-breaker.ts';
import { KmaForecast } from './adapters/kma-forecast.ts';
import { AirKoreaForecast } from './adapters/airkorea-forecast.ts';
import { WeatherService } from './modules/weather/weather.service.ts';
import { weatherRoutes } from './modules/weather/weather.routes.ts';
import type { Clock } from './ports/clock.ts';
import type { RateLimiter } from './ports/rate-limiter.ts';
import { FailoverRateLimiter } from './adapters/failover-rate-limiter.ts';
import type { FileStorage } from './ports/storage.ts';

export interface AppDeps {
  env: Env;
  database: Database;
  storage: FileStorage;
  /** Folder served at /uploads (local storage); undefined when files live elsewhere. */
  uploadsDir: string | undefined;
  rateLimiter: RateLimiter;
  clock: Clock;
  /** Generated once and kept in the database unless the environment sets them (DESIGN.md). */
  secrets: { jwt: string; cookie: string; phone: string };
  logger?: FastifyServerOptions['logger'];
  /** Web push keys (environment, or generated once and kept in the database); absent = push not offered. */
  vapid?: VapidKeys;
  /** Resolves push endpoints' host names (default: the system resolver; tests answer their own). */
  pushLookup?: HostLookup;
  /** Replaces the SMS provider chosen by SMS_PROVIDER (tests). */
  sms?: SmsSender;
  /** Replaces the mail transport chosen by SMTP_URL (tests). */
  mail?: MailSender;
  /** Publisher and subscriber connections for the socket.io Redis adapter; absent = one process. */
  redis?: { pub: Redis; sub: Redis; key: string };
  /** Set by main.ts when a shutdown starts: `/api/ready` answers 503 and responses close their connection. */
  drain?: Drain;
  /**
   * Free space of DATA_DIR: uploads answer 507 when it runs low, and in embedded mode (the database on that
   * disk) `/api/ready` answers 503. Absent: not checked.
   */
  disk?: DiskSpace;
}

/**
 * Which X-Forwarded-For hops request.ip skips (env.ts: never all of them). Fastify turns a bare hop count into
 * "trust nothing", since it cannot tell the balancer from a client that reached us directly; with a count the
 * deployment promises that only its proxies can reach us (docs/operations.md), so trust that many hops.
 */
export function trustProxyOf(
  trust: TrustProxy,
): false | string[] | ((address: string, hop: number) => boolean) {
  return typeof trust === 'number' ? (_address, hop) => hop < trust : trust;
}

export function publicUrlOf(env: Env): string {
  return env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
}

/** The whole HTTP app, wired by hand from its ports; tests call it with real or fake ones. */
export async function buildApp(deps: AppDeps): Promise<{
  app: FastifyInstance;
  services: Services;
  metrics: AppMetrics | undefined;
  /** A write made behind the app's back (a script, a test's fixture) is told like any other (ADR 025). */
  wrote: () => void;
}> {
  const { env } = deps;
  const requestTimeoutMs = env.REQUEST_TIMEOUT_SECONDS * 1000;
  const app = Fastify({
    logger: withRedaction(deps.logger),
    trustProxy: trustProxyOf(env.TRUST_PROXY),
    bodyLimit: 1024 * 1024,
    // A request that reached us on a connection accepted before close() is served (with `Connection: close`),
    // not answered 503: close() waits for it anyway, and a balancer may not resend a POST it passed on (issue 13).
    return503OnClosing: false,
    // A request (headers and body) must arrive within this time: a client trickling its body ties up a socket
    // and its buffers for seconds, not Node's default 300 s. Node checks it every connectionsCheckingInterval.
    requestTimeout: requestTimeoutMs,
    http: {
      headersTimeout: Math.min(requestTimeoutMs, 60_000),
      connectionsCheckingInterval: Math.min(requestTimeoutMs, 1000),
    },
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('userId', null);
  app.decorateRequest('sessionId', null);
  // What signed-in pages read about their reader (their seat on runs, the runs only they see), kept per process
  // and forgotten on every process by any committed write (ADR 025). Off where processes cannot hear each other.
  const personal = new PersonalCache(
    toldMode('personal', deps, app.log, "a write not told to the readers' caches over Redis"),
    env.RESPONSE_CACHE_MS > 0,
  );
  const responseCache = new ResponseCache(
    env.RESPONSE_CACHE_MS,
    deps.clock,
    undefined,
    undefined,
    undefined,
    () => personal.version,
  );
  /** Data changed: what this process keeps of guests' pages and of readers is forgotten (ADR 006, ADR 025). */
  const wrote = () => {
    responseCache.clear();
    personal.wrote();
  };
  app.addHook('onSend', (request, reply, payload, done) => {
    void reply.header('x-request-id', request.id);
    // A user's write went through (it is committed: the handler has finished): nobody may read older data
    // here. A guest's request (sign-in, a refused write) changes nothing guests read: it keeps the cache, or
    // anyone could empty it at will.
    if (!READS.has(request.method) && reply.statusCode < 400 && request.userId !== null) wrote();
    // An account's status changed, or something a reader's page shows of them may have: the other processes have
    // heard it before the caller hears of it (ADR 024, ADR 025).
    if (accountStatus.telling || personal.telling) {
      void Promise.all([accountStatus.settled(), personal.settled()]).then(() => done(null, payload));
    } else done(null, payload);
  });
  const databaseOutage = registerErrorHandler(app, () => deps.database.ping());
  // Before any route: its onSend goes on the end of every route registered after it (ADR 022).
  await registerCompression(app);
  // First, so that its timing hook applies to every route; what it reads is read at scrape time only.
  const metrics = registerMetrics(app, env.METRICS_TOKEN, {
    database: deps.database,
    databaseOutage: () => databaseOutage.ongoing,
    redis: deps.redis,
    limiterFallback: () => deps.rateLimiter instanceof FailoverRateLimiter && deps.rateLimiter.degraded,
    sockets: () => realtime.localSockets(),
    readerCache: () => personal.counts,
    backlog: async () => {
      const [outbox, mail, jobs] = await Promise.all([
        services.deliveries.outbox(),
        services.mail.outbox(),
        queuedJobs(deps.database.db),
      ]);
      return {
        pendingDeliveries: outbox.pending,
        oldestPendingSeconds: outbox.oldestPendingSeconds,
        pendingMails: mail.pending,
        oldestPendingMailSeconds: mail.oldestPendingSeconds,
        queuedJobs: jobs,
      };
    },
  });
  const drain = deps.drain ?? new Drain();

  registerSecurityHeaders(app, {
    contentSecurityPolicy: { directives: cspDirectives(publicUrlOf(env), imageOriginOf(deps.storage)) },
  });
  await app.register(fastifyCookie, { secret: deps.secrets.cookie });
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10 } });
  await registerOpenApi(app, {
    docs: env.API_DOCS === 'on' || (env.API_DOCS === 'auto' && env.NODE_ENV !== 'production'),
  });

  const tokens = new AccessTokens(deps.secrets.jwt, deps.clock);
  // The account's status (deleted, session signed out, suspended or banned), remembered by this process and
  // forgotten on every process when it changes (ADR 024): no database round trip per authenticated request.
  const accountStatus = new AccountStatusCache(
    {
      active: (userId, sessionId) => services.auth.isActive(userId, sessionId),
      restriction: (userId) => services.moderation.restrictionState(userId),
    },
    accountStatusMode(deps, app.log),
  );
  app.addHook('onClose', async () => accountStatus.close());
  app.addHook('onClose', async () => personal.close());
  // The one rule for "may this account act" (it exists, not deleted), for HTTP requests and socket handshakes.
  const mayAct = (userId: string, sessionId: string | null = null) => accountStatus.active(userId, sessionId);
  // Suspended now, or banned (issue 17): the write gate and the socket handshake.
  const isRestricted = async (userId: string) => {
    const state = await accountStatus.restriction(userId);
    return state !== undefined && restrictionAt(state, deps.clock.now()) !== null;
  };
  const realtime = attachRealtime(app, {
    tokens,
    mayAct,
    // A suspended or banned account's sockets are refused (issue 17); applying one disconnects them.
    restricted: isRestricted,
    rateLimiter: deps.rateLimiter,
    limits: {
      enabled: env.RATE_LIMITS === 'on',
      perSocket: env.RATE_LIMIT_SOCKET_EVENTS,
      perUser: env.RATE_LIMIT_SOCKET_USER,
    },
    redis: deps.redis,
  });
  // After the realtime server: its preClose lets the WebSockets go before the drain's waits for connections to end.
  registerDrain(app, drain);
  const mailSender = deps.mail ?? mailSenderFor(env, app.log);
  const services = createServices(
    deps.database.db,
    {
      storage: deps.storage,
      clock: deps.clock,
      tokens,
      publicUrl: publicUrlOf(env),
      realtime,
      accountStatus,
      shared: responseCache,
      personal,
      // Uploads are on that disk only when they are kept in a local folder (not in an object store).
      disk: deps.uploadsDir !== undefined ? deps.disk : undefined,
      deviceKey: deps.secrets.cookie,
      reportHideThreshold: env.REPORT_HIDE_THRESHOLD,
      weather: weatherServiceFor(env, deps.clock, app.log),
    },
    {
      sms: deps.sms ?? smsSenderFor(env, app.log),
      mail: mailSender,
      push: deps.vapid
        ? new WebPushSender(deps.vapid, env.VAPID_SUBJECT, {
            allowedHosts: env.PUSH_ALLOWED_HOSTS,
            testLoopback: env.TEST_PUSH_LOOPBACK === 'on',
            lookup: deps.pushLookup ?? systemLookup,
          })
        : undefined,
      phoneSecret: deps.secrets.phone,
      limits: {
        subscriptionsPerUser: env.PUSH_MAX_SUBSCRIPTIONS_PER_USER,
        textsPerUserPerDay: env.SMS_DAILY_LIMIT_USER,
        textsPerNumberPerDay: env.SMS_DAILY_LIMIT_NUMBER,
      },
      onDeliveryError: (error) => app.log.error({ err: error }, 'delivery sweep failed'),
      onMailFailures: (failures) =>
        app.log[failures.givenUp > 0 ? 'error' : 'warn'](
          { mail: failures },
          failures.givenUp > 0
            ? 'mail given up after its last attempt'
            : 'mail not sent: retried with backoff',
        ),
    },
  );
  app.addHook('onClose', async () => {
    await Promise.all([services.deliveries.idle(), services.mail.idle()]);
    // The SMTP pool's idle connections (only the transport built here: a test's own is the test's to close).
    if (!deps.mail) mailSender.close?.();
  });
  // `chat:join` lets a socket into a run's chat room only after the membership check.
  realtime.guardedRooms({
    join: 'chat:join',
    leave: 'chat:leave',
    roomOf: chatRoom,
    allow: (userId, runId) => services.chat.isMember(runId, userId),
    recheck: true,
  });
  realtime.guardedRooms({
    join: 'crew-chat:join',
    leave: 'crew-chat:leave',
    roomOf: crewChatRoom,
    allow: (userId, crewId) => services.chat.isCrewMember(crewId, userId),
    recheck: true,
  });
  // `run:watch` (a run page's live updates): any signed-in user, for a run that exists and they may see.
  realtime.guardedRooms({
    join: 'run:watch',
    leave: 'run:unwatch',
    roomOf: runRoom,
    allow: (userId, runId) => services.runs.exists(runId, userId),
    recheck: false,
  });
  const mustConsent = async (userId: string) => (await services.consents.required(userId)).length > 0;
  const { authenticate, identify } = authHooks(tokens, mayAct, mustConsent, isRestricted);
  const limit = rateLimitHookFactory(deps.rateLimiter, env.RATE_LIMITS === 'on');
  const publicUrl = publicUrlOf(env);
  const secure = isSecureOrigin(publicUrl);
  const cookies = sessionCookies(secure);
  const devices = deviceCookies(secure);
  const apiLimit = limit('api-ip', env.RATE_LIMIT_API_IP, (r) => r.ip);

  // Outside the limited scope: probes never wait on the rate limiter, hence never on Redis (ADR 014).
  await app.register(healthRoutes, {
    prefix: '/api',
    ping: () => deps.database.ping(),
    drain,
    disk: deps.database.kind === 'pglite' ? deps.disk : undefined,
    // Disconnected, or connected but not answering (the limiter failed over: a frozen Redis).
    redisDown: () =>
      deps.redis !== undefined &&
      (deps.redis.pub.status !== 'ready' ||
        (deps.rateLimiter instanceof FailoverRateLimiter && deps.rateLimiter.degraded)),
  });
  await app.register(
    async (api) => {
      if (env.RATE_LIMITS === 'on') api.addHook('onRequest', apiLimit);
      // What each route's preHandler says about its caller, applied in one place: authentication before the
      // body is read, the operation's security in the document, no-store on what was made for one caller.
      api.addHook('onRoute', routeAccess({ authenticate, identify }));
      api.addHook('onSend', privateResponses);
      const clients = new Map(
        oauthConfigsFrom(env).map((c) => [
          c.provider,
          new OAuthProviderClient(c, `${publicUrl}/api/auth/${c.provider}/callback`),
        ]),
      );
      const providers = { kakao: clients.has('kakao'), naver: clients.has('naver') };
      await api.register(authRoutes, {
        prefix: '/auth',
        auth: services.auth,
        cookies,
        devices,
        authenticate,
        sameOrigin: sameOriginHook(env.PUBLIC_URL),
        limit,
        env,
        providers,
      });
      await api.register(emailRoutes, { email: services.email, authenticate, limit, env });
      await api.register(passwordRoutes, {
        password: services.password,
        cookies,
        devices,
        authenticate,
        limit,
        env,
      });
      await api.register(oauthRoutes, {
        prefix: '/auth',
        auth: services.auth,
        cookies,
        devices,
        clients,
        secure,
        isOnboarded: async (userId) => (await services.users.getMe(userId)).onboarded,
      });
      await api.register(usersRoutes, {
        users: services.users,
        authenticate,
        identify,
        reviewCounts: (hostId, viewerId) => services.afterRun.reviewSummary(hostId, viewerId),
        badges: (userId) => services.badges.earned(userId),
      });
      await api.register(connectionsRoutes, {
        auth: services.auth,
        users: services.users,
        clients,
        secure,
        authenticate,
      });
      await api.register(sessionsRoutes, { sessions: services.sessions, authenticate });
      await api.register(accountRoutes, {
        account: services.account,
        runs: services.runs,
        badges: services.badges,
        cookies,
        authenticate,
        passwordLimits: passwordGuessLimits(
          limit,
          { perIp: env.RATE_LIMIT_LOGIN_IP, perAccount: env.RATE_LIMIT_LOGIN_ACCOUNT },
          (r) => (r.userId === null ? undefined : `user:${r.userId}`),
        ),
        now: () => deps.clock.now(),
      });
      const uploadLimits = [
        limit('upload-user', env.RATE_LIMIT_UPLOAD_USER, (r) => r.userId ?? undefined),
        limit('upload-quota', env.UPLOAD_QUOTA_USER, (r) => r.userId ?? undefined, {
          refuse: uploadQuotaError(env.UPLOAD_QUOTA_USER),
        }),
      ];
      await api.register(uploadsRoutes, { uploads: services.uploads, authenticate, limits: uploadLimits });
      await api.register(runsRoutes, {
        runs: services.runs,
        participation: services.participation,
        authenticate,
        identify,
        publicUrl,
        cache: responseCache,
        weatherAlerts: (runs) => services.weather.alertsFromCache(runs),
      });
      await api.register(crewsRoutes, {
        crews: services.crews,
        authenticate,
        identify,
        createLimit: limit('crew-create-user', env.RATE_LIMIT_COMMENT_USER, (r) => r.userId ?? r.ip),
        cache: responseCache,
      });
      await api.register(seriesRoutes, { series: services.series, authenticate, identify });
      await api.register(coursesRoutes, {
        courses: services.courses,
        authenticate,
        identify,
        publicUrl,
        cache: responseCache,
      });
      await api.register(placesRoutes, {
        places: new PlacesService({
          builtin: new BuiltinPlaces(),
          provider: env.KAKAO_REST_API_KEY
            ? new KakaoLocalPlaces({
                baseUrl: env.KAKAO_LOCAL_URL,
                restApiKey: env.KAKAO_REST_API_KEY,
                timeoutMs: env.KAKAO_LOCAL_TIMEOUT_MS,
              })
            : undefined,
          breaker: new CircuitBreaker({
            failures: env.KAKAO_LOCAL_BREAKER_FAILURES,
            cooldownMs: env.KAKAO_LOCAL_COOLDOWN_MS,
            onStateChange: (state) =>
              app.log.warn(
                { state },
                `place search: Kakao Local circuit ${state} (open: the built-in list answers)`,
              ),
          }),
          onProviderError: (error) =>
            app.log.warn({ err: error }, 'place search: Kakao Local failed, answered from the built-in list'),
        }),
        limit: limit('places-ip', env.RATE_LIMIT_PLACES_IP, (r) => r.ip),
      });
      await api.register(weatherRoutes, {
        weather: services.weather,
        placeTime: (runId, viewerId) => services.runs.placeTime(runId, viewerId),
        identify,
      });
      const writeLimit = limit('comment-user', env.RATE_LIMIT_COMMENT_USER, (r) => r.userId ?? r.ip);
      await api.register(commentsRoutes, {
        comments: services.comments,
        authenticate,
        identify,
        writeLimit,
        cache: responseCache,
      });
      await api.register(announcementsRoutes, {
        announcements: services.announcements,
        authenticate,
        writeLimit,
      });
      await api.register(notificationsRoutes, { notifications: services.notifications, authenticate });
      await api.register(afterRunRoutes, { afterRun: services.afterRun, authenticate });
      await api.register(disputesRoutes, {
        disputes: services.disputes,
        reliability: services.reliability,
        authenticate,
      });
      await api.register(calendarRoutes, { calendar: services.calendar, authenticate, identify });
      const sendLimit = limit('chat-user', env.RATE_LIMIT_CHAT_USER, (r) => r.userId ?? r.ip);
      await api.register(chatRoutes, { chat: services.chat, authenticate, sendLimit });
      await api.register(phoneRoutes, { phone: services.phone, authenticate });
      await api.register(deliveriesRoutes, { deliveries: services.deliveries, authenticate });
      await api.register(configRoutes, { env });
      await api.register(crewMembersRoutes, {
        crewMembers: services.crewMembers,
        authenticate,
        writeLimit: limit('crew-member-user', env.RATE_LIMIT_COMMENT_USER, (r) => r.userId ?? r.ip),
      });
      await api.register(consentsRoutes, {
        consents: services.consents,
        authenticate,
        writeLimit: limit('consent-user', env.RATE_LIMIT_COMMENT_USER, (r) => r.userId ?? r.ip),
      });
      await api.register(reportsRoutes, {
        reports: services.reports,
        authenticate,
        reportLimit: limit('report-user', env.RATE_LIMIT_REPORT_USER, (r) => r.userId ?? r.ip),
      });
      await api.register(blocksRoutes, {
        blocks: services.blocks,
        authenticate,
        writeLimit: limit('block-user', env.RATE_LIMIT_COMMENT_USER, (r) => r.userId ?? r.ip),
      });
      await api.register(savedSearchesRoutes, {
        savedSearches: services.savedSearches,
        authenticate,
        writeLimit: limit('saved-search-user', env.RATE_LIMIT_COMMENT_USER, (r) => r.userId ?? r.ip),
      });
      await api.register(moderationRoutes, { moderation: services.moderation, authenticate });
    },
    { prefix: '/api' },
  );

  if (deps.uploadsDir) await registerUploads(app, deps.uploadsDir);
  const webDist = env.WEB_DIST_DIR ?? defaultWebDist();
  const hasWeb = await registerWeb(app, webDist);
  if (hasWeb) {
    registerPages(app, {
      distDir: webDist,
      publicUrl,
      previews: {
        runs: async (id) => runMetaTags(await services.runs.get(id, null), publicUrl),
        // Without counting a view: crawlers and link unfurlers are not readers.
        courses: async (id) => courseMetaTags(await services.courses.get(id, null, null), publicUrl),
        crews: async (id) => crewMetaTags(await services.crews.get(id, null), publicUrl),
      },
      render: ssrRendererOf(env.WEB_SSR_DIR ?? path.join(path.dirname(webDist), 'dist-ssr')),
      cache: responseCache,
    });
  }
  registerSitemap(app, deps.database.db, publicUrl, deps.clock);
  registerThemeImages(app);
  app.setNotFoundHandler((request, reply) => {
    const isRead = request.method === 'GET' || request.method === 'HEAD';
    const wantsPage = isRead && !request.url.startsWith('/api') && !request.url.startsWith('/uploads');
    if (hasWeb && wantsPage) return reply.type('text/html').sendFile('index.html');
    throw new NotFoundError('ROUTE_NOT_FOUND', `No route for ${request.method} ${request.url.split('?')[0]}`);
  });
  return { app, services, metrics, wrote };
}

function smsSenderFor(env: Env, log: FastifyInstance['log']): SmsSender {
  if (env.SMS_PROVIDER === 'log') return new LogSmsSender(log);
  // env.ts refuses SMS_PROVIDER=sens without these.
  return new SensSmsSender({
    baseUrl: env.SENS_BASE_URL,
    serviceId: env.SENS_SERVICE_ID ?? '',
    accessKey: env.SENS_ACCESS_KEY ?? '',
    secretKey: env.SENS_SECRET_KEY ?? '',
    from: env.SENS_FROM ?? '',
  });
}

/** The forecast at runs' starts: 기상청 (and 에어코리아) when their keys are set, else off (no calls at all). */
function weatherServiceFor(env: Env, clock: Clock, log: FastifyInstance['log']): WeatherService {
  const key = env.KMA_SERVICE_KEY;
  const airKey = env.AIRKOREA_SERVICE_KEY;
  return new WeatherService({
    clock,
    kma: key
      ? new KmaForecast({ baseUrl: env.KMA_API_URL, serviceKey: key, timeoutMs: env.KMA_TIMEOUT_MS })
      : undefined,
    airkorea:
      key && airKey
        ? new AirKoreaForecast({
            baseUrl: env.AIRKOREA_API_URL,
            serviceKey: airKey,
            timeoutMs: env.AIRKOREA_TIMEOUT_MS,
          })
        : undefined,
    onProviderError: (provider, error) =>
      log.warn({ err: error, provider }, 'weather: the provider failed, answered without it'),
  });
}

/** SMTP when SMTP_URL is set, else the log (the embedded default: `npm start` needs no mail account). */
function mailSenderFor(env: Env, log: FastifyInstance['log']): MailSender {
  if (!env.SMTP_URL) return new LogMailSender(log);
  return new SmtpMailSender({ url: env.SMTP_URL, from: env.MAIL_FROM, timeoutMs: env.SMTP_TIMEOUT_MS });
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

function defaultWebDist(): string {
  return path.resolve(import.meta.dirname, '../../web/dist');
}

/** The logger with secrets in request urls (calendar tokens, OAuth codes) replaced before they are written. */
function withRedaction(logger: AppDeps['logger']): FastifyServerOptions['logger'] {
  if (!logger) return false;
  if (logger === true) return { serializers: logSerializers };
  return { ...logger, serializers: { ...logSerializers, ...logger.serializers } };
}

/** Where photos are fetched from when not from this app (an S3 bucket or CDN): that origin, else none. */
function imageOriginOf(storage: FileStorage): string | undefined {
  const url = storage.urlOf('probe.webp');
  return /^https?:\/\//.test(url) ? new URL(url).origin : undefined;
}

function cspDirectives(publicUrl: string, imageOrigin: string | undefined) {
  const origin = new URL(publicUrl);
  const socketOrigin = `${origin.protocol === 'https:' ? 'wss:' : 'ws:'}//${origin.host}`;
  return {
    defaultSrc: ["'self'"],
    // Any https image (map tiles, avatars) and the photo store's origin, which may be plain http (MinIO on a LAN).
    imgSrc: ["'self'", 'data:', 'blob:', 'https:', ...(imageOrigin ? [imageOrigin] : [])],
    styleSrc: ["'self'", "'unsafe-inline'"],
    // Kakao's share SDK, loaded by the web app only when KAKAO_JS_KEY is set.
    scriptSrc: ["'self'", 'https://t1.kakaocdn.net'],
    // The API and socket.io of this origin only ('self' covers ws/wss of the same host in CSP 3 browsers only).
    connectSrc: ["'self'", socketOrigin],
    fontSrc: ["'self'", 'data:'],
    objectSrc: ["'none'"],
    frameAncestors: ["'none'"],
    upgradeInsecureRequests: null,
  };
}

export type { Services };
