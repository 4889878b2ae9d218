import { BEST_SCORE, type PhoneStatus, RegionSchema } from '@erun/contracts';
import type { Db } from './db/client.ts';
import type { AccessTokens } from './modules/auth/access-tokens.ts';
import { AccountRepository } from './modules/account/account.repository.ts';
import { AccountService } from './modules/account/account.service.ts';
import { ConsentsRepository } from './modules/consents/consents.repository.ts';
import { CrewAccessRepository } from './modules/crews/crew-access.repository.ts';
import { CrewAccessService } from './modules/crews/crew-access.service.ts';
import { CrewsRepository } from './modules/crews/crews.repository.ts';
import { CrewsService } from './modules/crews/crews.service.ts';
import { CrewMembersRepository } from './modules/crews/crew-members.repository.ts';
import { CrewMembersService } from './modules/crews/crew-members.service.ts';
import { isStaffRole } from './modules/crews/crews.types.ts';
import { ConsentsService } from './modules/consents/consents.service.ts';
import { AnnouncementsRepository } from './modules/announcements/announcements.repository.ts';
import { AnnouncementsService } from './modules/announcements/announcements.service.ts';
import { AfterRunRepository } from './modules/after-run/after-run.repository.ts';
import { AfterRunService } from './modules/after-run/after-run.service.ts';
import { DisputesRepository } from './modules/after-run/disputes.repository.ts';
import { DisputesService } from './modules/after-run/disputes.service.ts';
import { ReliabilityService } from './modules/after-run/reliability.service.ts';
import { BadgesRepository } from './modules/badges/badges.repository.ts';
import { BadgesService } from './modules/badges/badges.service.ts';
import { AuthRepository } from './modules/auth/auth.repository.ts';
import { AuthService } from './modules/auth/auth.service.ts';
import { EmailRepository } from './modules/auth/email.repository.ts';
import { EmailService } from './modules/auth/email.service.ts';
import { AccountTokensRepository } from './modules/auth/account-tokens.repository.ts';
import { PasswordService } from './modules/auth/password.service.ts';
import { deviceHasher } from './modules/auth/device-cookie.ts';
import { SessionsRepository } from './modules/auth/sessions.repository.ts';
import { SessionsService } from './modules/auth/sessions.service.ts';
import { CalendarRepository } from './modules/calendar/calendar.repository.ts';
import { CalendarService } from './modules/calendar/calendar.service.ts';
import { ChatRepository } from './modules/chat/chat.repository.ts';
import { ChatService } from './modules/chat/chat.service.ts';
import { CommentsRepository } from './modules/comments/comments.repository.ts';
import { CommentsService } from './modules/comments/comments.service.ts';
import { CoursesRepository } from './modules/courses/courses.repository.ts';
import { CoursesService } from './modules/courses/courses.service.ts';
import { DeliveriesRepository } from './modules/deliveries/deliveries.repository.ts';
import { DeliveriesService, type DeliveryLimits } from './modules/deliveries/deliveries.service.ts';
import { MailRepository } from './modules/mail/mail.repository.ts';
import { type MailFailures, MailService } from './modules/mail/mail.service.ts';
import { PhoneCrypto } from './modules/phone/phone-crypto.ts';
import { PhoneRepository } from './modules/phone/phone.repository.ts';
import { PhoneService } from './modules/phone/phone.service.ts';
import { NotificationsRepository } from './modules/notifications/notifications.repository.ts';
import { NotificationsService } from './modules/notifications/notifications.service.ts';
import { ParticipationRepository } from './modules/runs/participation.repository.ts';
import { ParticipationService } from './modules/runs/participation.service.ts';
import { RemindersRepository } from './modules/reminders/reminders.repository.ts';
import { RemindersService } from './modules/reminders/reminders.service.ts';
import { RunsRepository } from './modules/runs/runs.repository.ts';
import { RunsService } from './modules/runs/runs.service.ts';
import { SeriesRepository } from './modules/series/series.repository.ts';
import { SeriesService } from './modules/series/series.service.ts';
import { UploadsRepository } from './modules/uploads/uploads.repository.ts';
import { UploadsService } from './modules/uploads/uploads.service.ts';
import { UsersRepository } from './modules/users/users.repository.ts';
import { UsersService } from './modules/users/users.service.ts';
import { ReportsRepository } from './modules/reports/reports.repository.ts';
import { ReportsService } from './modules/reports/reports.service.ts';
import type { Tx } from './ports/unit-of-work.ts';
import type { ModerationTarget } from './modules/reports/reports.types.ts';
import { BlocksRepository } from './modules/blocks/blocks.repository.ts';
import { BlocksService } from './modules/blocks/blocks.service.ts';
import { SavedSearchesRepository } from './modules/saved-searches/saved-searches.repository.ts';
import { SavedSearchesService } from './modules/saved-searches/saved-searches.service.ts';
import { womenOnlyJoinCheck } from './modules/users/women-only.checks.ts';
import { ModerationRepository } from './modules/moderation/moderation.repository.ts';
import { ModerationService } from './modules/moderation/moderation.service.ts';
import { WeatherService } from './modules/weather/weather.service.ts';
import { DrizzleUnitOfWork } from './adapters/drizzle-unit-of-work.ts';
import type { Clock } from './ports/clock.ts';
import type { DiskSpace } from './ports/disk.ts';
import type { MailSender } from './ports/mail.ts';
import type { PushSender } from './ports/push.ts';
import type { SmsSender } from './ports/sms.ts';
import type { Realtime } from './ports/realtime.ts';
import type { PersonalReads } from './ports/personal-reads.ts';
import type { SharedReads } from './ports/shared-reads.ts';
import type { FileStorage } from './ports/storage.ts';

export interface Services {
  auth: AuthService;
  sessions: SessionsService;
  users: UsersService;
  uploads: UploadsService;
  runs: RunsService;
  participation: ParticipationService;
  courses: CoursesService;
  comments: CommentsService;
  notifications: NotificationsService;
  afterRun: AfterRunService;
  calendar: CalendarService;
  reminders: RemindersService;
  badges: BadgesService;
  chat: ChatService;
  account: AccountService;
  phone: PhoneService;
  deliveries: DeliveriesService;
  mail: MailService;
  email: EmailService;
  consents: ConsentsService;
  crewAccess: CrewAccessService;
  crews: CrewsService;
  crewMembers: CrewMembersService;
  announcements: AnnouncementsService;
  password: PasswordService;
  series: SeriesService;
  reports: ReportsService;
  blocks: BlocksService;
  disputes: DisputesService;
  reliability: ReliabilityService;
  moderation: ModerationService;
  savedSearches: SavedSearchesService;
  weather: WeatherService;
}

/** What push and SMS deliveries need besides the database (issue 5). */
export interface MessagingPorts {
  sms: SmsSender;
  push: PushSender | undefined;
  phoneSecret: string;
  limits: DeliveryLimits;
  onDeliveryError: (error: unknown) => void;
  /** SMTP, or the log when no SMTP_URL is set. */
  mail: MailSender;
  /** Told after a mail sweep in which some messages could not be sent. */
  onMailFailures?: (failures: MailFailures) => void;
}

/** Every service, wired by hand in one place from the database and the ports. */
export function createServices(
  db: Db,
  ports: {
    storage: FileStorage;
    clock: Clock;
    tokens: AccessTokens;
    publicUrl: string;
    realtime: Realtime;
    /** Told when an account's status changes (deleted, signed out, suspended, restored): ADR 024. */
    accountStatus?: { changed(userId: string): void };
    /** Guests' pages shared between requests (ADR 006); absent: every read goes to the database. */
    shared?: SharedReads;
    /**
     * What signed-in pages read about their reader, kept between requests and emptied by every committed write
     * (ADR 025); absent: read from the database every time.
     */
    personal?: PersonalReads & { wrote(): void };
    /** Free space of the local uploads folder; absent: not checked. */
    disk?: DiskSpace;
    /** Key of the device cookie's stored hash and of refresh tokens' successors (the cookie secret). */
    deviceKey: string;
    /** Distinct reporters that hide content until a moderator decides (REPORT_HIDE_THRESHOLD; default 3). */
    reportHideThreshold?: number;
    /** The forecast at runs' starts (ADR 021); absent: off. */
    weather?: WeatherService;
  },
  messaging: MessagingPorts,
): Services {
  const { storage, clock, tokens, publicUrl, realtime } = ports;
  const statusChanged = (userId: string) => ports.accountStatus?.changed(userId);
  // Signing a user's sessions out, deleting the account, suspending or banning it: every process forgets the
  // account's status (ADR 024), then its sockets go.
  const endSessions = (userId: string) => {
    statusChanged(userId);
    realtime.disconnectUser(userId);
  };
  // Every commit may change what a reader's page shows of them (their seat, crews, runs): kept readers' data is
  // forgotten on every process (ADR 025). Sign-in and sessions, chat, mail and the account's contact details
  // touch none of it and commit often: they keep it.
  const uow = new DrizzleUnitOfWork(db, undefined, () => ports.personal?.wrote());
  const quietUow = new DrizzleUnitOfWork(db);
  const weather = ports.weather ?? new WeatherService({ clock });
  const uploads = new UploadsService(new UploadsRepository(db), storage, ports.disk);
  const blocks = new BlocksService(new BlocksRepository(db), uploads, clock);
  // The users module shows the phone module's masked number; the phone module stores it through users.
  const consents = new ConsentsService(new ConsentsRepository(db), quietUow);
  const crewAccess = new CrewAccessService(new CrewAccessRepository(db));
  const users: UsersService = new UsersService(
    new UsersRepository(db),
    uploads,
    (user): PhoneStatus => phone.statusOf(user.phoneEncrypted, user.phoneVerifiedAt, user.smsConsent),
    (userId) => consents.required(userId),
    (user) => moderation.restrictionOf(user),
  );
  const phone = new PhoneService(
    new PhoneRepository(db),
    new PhoneCrypto(messaging.phoneSecret),
    messaging.sms,
    clock,
    quietUow,
    users,
  );
  const mail = new MailService(new MailRepository(db), {
    sender: messaging.mail,
    publicUrl,
    onError: messaging.onDeliveryError,
    onFailures: messaging.onMailFailures,
  });
  const deliveries = new DeliveriesService(new DeliveriesRepository(db), {
    push: messaging.push,
    sms: messaging.sms,
    decryptPhone: (encrypted) => phone.decrypt(encrypted),
    publicUrl,
    hashPhone: (number) => phone.hashOf(number),
    limits: messaging.limits,
    onError: messaging.onDeliveryError,
    users,
  });
  const accountTokens = new AccountTokensRepository();
  const email = new EmailService(new EmailRepository(db), accountTokens, users, mail, clock, quietUow);
  const authRepository = new AuthRepository(db);
  const notifications = new NotificationsService(
    new NotificationsRepository(db),
    uploads,
    clock,
    realtime,
    () => deliveries.kick(),
  );
  const sessions = new SessionsService(new SessionsRepository(db), {
    clock,
    uow: quietUow,
    notifications,
    mail,
    hashDevice: deviceHasher(ports.deviceKey),
    disconnect: endSessions,
  });
  const auth = new AuthService(
    authRepository,
    tokens,
    users,
    clock,
    endSessions,
    quietUow,
    email,
    consents,
    sessions,
    statusChanged,
    ports.deviceKey,
  );
  const password = new PasswordService(accountTokens, authRepository, {
    auth,
    users,
    phone,
    mail,
    clock,
    uow: quietUow,
  });
  const participants = new ParticipationRepository(db);
  const savedSearches = new SavedSearchesService(uow, new SavedSearchesRepository(db), clock, notifications);
  const runs = new RunsService(
    uow,
    new RunsRepository(db),
    participants,
    uploads,
    clock,
    { realtime, notifications },
    users,
    crewAccess,
    ports.shared,
    savedSearches,
    ports.personal,
  );
  // Deleting a crew cancels its runs ahead, then ends its 정기런 (`series` is made below; called later).
  const crews = new CrewsService(
    uow,
    new CrewsRepository(db),
    uploads,
    clock,
    async (tx, crewId, by, now) => {
      const cancelled = await runs.cancelCrewRuns(tx, crewId, by, now);
      await series.endCrewSeries(tx, crewId, now);
      return cancelled;
    },
    (userIds, tx) => users.requireWomen(userIds, tx),
  );
  const series = new SeriesService(
    uow,
    new SeriesRepository(db),
    runs,
    crewAccess,
    notifications,
    users,
    clock,
  );
  const courses = new CoursesService(
    uow,
    new CoursesRepository(db, BEST_SCORE),
    uploads,
    clock,
    ports.shared,
  );
  const chat = new ChatService(new ChatRepository(db), uploads, clock, realtime, {
    uow: quietUow,
    notifications,
    crewAccess,
    canManageRun: (runId, userId) => runs.canManage(runId, userId),
  });
  const badges = new BadgesService(uow, new BadgesRepository(db), clock, notifications);
  const crewMembers = new CrewMembersService(uow, new CrewMembersRepository(db), {
    clock,
    notifications,
    realtime,
    uploads,
    publicUrl,
    onLeft: (crewId, userIds) => chat.revokeCrew(crewId, userIds),
    joinChecks: [blocks.crewJoinCheck, womenOnlyJoinCheck(users)],
  });
  const afterRun: AfterRunService = new AfterRunService(
    uow,
    new AfterRunRepository(db),
    (id, readerId) => runs.readAs(id, readerId),
    clock,
    notifications,
    users,
    (ids) => badges.evaluateMany(ids),
    (tx, runId, presentIds) => crewMembers.admitRegulars(tx, runId, presentIds),
    // `disputes` is made below (it marks present through after-run); called only once both exist.
    (tx, run, presentIds, by, now) => disputes.acceptMarkedPresent(tx, run, presentIds, by, now),
  );
  const disputesRepository = new DisputesRepository(db);
  const disputes: DisputesService = new DisputesService(
    uow,
    disputesRepository,
    (id, readerId) => runs.readAs(id, readerId),
    clock,
    notifications,
    uploads,
    (tx, runId, userId, now) => afterRun.markPresentAfterDispute(tx, runId, userId, now),
    (ids) => badges.evaluateMany(ids),
    // Called at request time, after `moderation` below exists.
    (userId) => moderation.requireStaff(userId),
  );
  const reliability = new ReliabilityService(
    disputesRepository,
    clock,
    (id, readerId) => runs.readAs(id, readerId),
    (id, userId) => runs.canManage(id, userId),
  );
  const participation = new ParticipationService(
    uow,
    participants,
    clock,
    notifications,
    afterRun,
    realtime,
    (runId, userIds) => chat.revoke(runId, userIds),
    {
      roleOf: (crewId, userId) => crewAccess.roleOf(crewId, userId),
      manageRole: (id, userId) => runs.manageRole(id, userId),
    },
    [blocks.runJoinCheck, womenOnlyJoinCheck(users), reliability],
    reliability,
  );
  const announcements = new AnnouncementsService(
    uow,
    new AnnouncementsRepository(db),
    crewAccess,
    notifications,
    uploads,
    clock,
  );
  const comments = new CommentsService(
    uow,
    new CommentsRepository(db),
    notifications,
    uploads,
    (target, viewerId) =>
      target.kind === 'run'
        ? runs.ownerOf(target.id, viewerId)
        : target.kind === 'course'
          ? courses.ownerOf(target.id)
          : announcements.ownerOf(target.id, viewerId),
    clock,
    realtime,
    blocks.unblockedRecipients,
  );
  const calendar = new CalendarService(
    new CalendarRepository(db),
    (id, readerId) => runs.readAs(id, readerId),
    publicUrl,
    clock,
    users,
    // The device cookie's key also derives crew feed addresses (HMAC with its own label: no collision).
    { access: crewAccess, key: ports.deviceKey },
  );
  const reminders = new RemindersService(
    new RemindersRepository(db),
    clock,
    notifications,
    (runIds, userIds) => badges.evaluateAfterRuns(runIds, userIds),
    weather.enabled
      ? (run) =>
          weather.reminderData({
            ...run,
            region: RegionSchema.catch('seoul').parse(run.region),
            cancelled: false,
          })
      : undefined,
  );
  const account = new AccountService(uow, new AccountRepository(db), {
    clock,
    notifications,
    users,
    auth,
    runs,
    participation,
    uploads,
    afterRun,
    earnedBadges: (id) => badges.earned(id),
    countedRuns: (id, now) => badges.countedRuns(id, now),
    decryptPhone: (encrypted) => phone.decrypt(encrypted),
    disconnect: endSessions,
    consents,
    crewMembers,
    blocks,
    savedSearches,
  });
  const moderation = new ModerationService(uow, new ModerationRepository(db), clock, {
    notify: (tx, rows) => notifications.notify(tx, rows),
    disconnect: endSessions,
    statusChanged,
    accounts: users,
  });
  // Each kind of content reported is located and hidden by the module that owns it (ADR 019).
  const reports = new ReportsService(
    uow,
    new ReportsRepository(db),
    clock,
    [
      { type: 'user', locate: async (id) => ({ subjectId: (await users.getPublic(id)).id, crewId: null }) },
      contentOf('run', runs),
      contentOf('course', courses),
      contentOf('comment', comments),
      contentOf('chat_message', chat),
      contentOf('crew', crews),
      contentOf('announcement', announcements),
    ],
    { hideThreshold: ports.reportHideThreshold ?? 3 },
    {
      moderation,
      isCrewStaff: async (crewId, userId) => {
        const role = await crewAccess.roleOf(crewId, userId);
        return role !== null && isStaffRole(role);
      },
    },
  );
  return {
    reports,
    account,
    badges,
    chat,
    auth,
    sessions,
    users,
    uploads,
    runs,
    participation,
    courses,
    comments,
    notifications,
    afterRun,
    calendar,
    reminders,
    phone,
    deliveries,
    mail,
    email,
    consents,
    crewAccess,
    crews,
    crewMembers,
    announcements,
    password,
    series,
    blocks,
    disputes,
    reliability,
    moderation,
    savedSearches,
    weather,
  };
}

/** A kind of content its owning service locates, hides and shows again for reports and moderators. */
function contentOf(
  type: ModerationTarget['type'],
  owner: {
    reportTarget: ModerationTarget['locate'];
    setHidden(tx: Tx, id: string, at: Date | null): Promise<void>;
  },
): ModerationTarget {
  return {
    type,
    locate: (id, readerId) => owner.reportTarget(id, readerId),
    hide: (tx, id, at) => owner.setHidden(tx, id, at),
    restore: (tx, id) => owner.setHidden(tx, id, null),
  };
}
