import { z } from 'zod';
import { ConnectionsSchema, ConnectStartSchema, DeleteAccountSchema } from './account.ts';
import {
  AttendanceSchema,
  ProfileSchema,
  SaveAttendanceSchema,
  ScoreHistorySchema,
  WriteHostReviewSchema,
} from './after-run.ts';
import {
  CreateDisputeSchema,
  DisputeSchema,
  EscalatedDisputesSchema,
  MyAttendanceSchema,
  ResolveDisputeSchema,
  RunDisputesSchema,
  RunReliabilitySchema,
} from './attendance-disputes.ts';
import { ReliabilitySchema } from './safety.ts';
import { AuthProvidersSchema, AuthResponseSchema, LoginSchema, SignupSchema } from './auth.ts';
import {
  ChatListSchema,
  ChatMembersSchema,
  ChatMessageSchema,
  ChatPageQuerySchema,
  ChatPageSchema,
  MuteChatSchema,
  SendChatMessageSchema,
} from './chat.ts';
import {
  ChangeEmailSchema,
  ConfirmEmailTokenSchema,
  EmailAvailabilityQuerySchema,
  EmailAvailabilitySchema,
  EmailLinkSentSchema,
} from './email.ts';
import {
  AnnouncementPageSchema,
  AnnouncementSchema,
  CreateAnnouncementSchema,
  UpdateAnnouncementSchema,
} from './announcements.ts';
import { AcceptConsentsSchema, ConsentStateSchema } from './consents.ts';
import { BlockPageSchema, BlockStateSchema } from './blocks.ts';
import { CreateSavedSearchSchema, SavedSearchListSchema, SavedSearchSchema } from './saved-searches.ts';
import { CommentPageSchema, CommentSchema, WriteCommentSchema } from './comments.ts';
import * as members from './crew-members.ts';
import { AppConfigSchema, PageQuerySchema } from './common.ts';
import {
  CoursePageSchema,
  CourseSchema,
  CreateCourseSchema,
  ListCoursesQuerySchema,
  RateCourseSchema,
  RatingResultSchema,
  UpdateCourseSchema,
} from './courses.ts';
import {
  CreateCrewSchema,
  CrewPageSchema,
  CrewSchema,
  ListCrewsQuerySchema,
  MyCrewsQuerySchema,
  MyCrewsSchema,
  UpdateCrewSchema,
} from './crews.ts';
import { BadgeListSchema, MeRunsQuerySchema, MyRunPageSchema, MyStatsSchema } from './me.ts';
import {
  NotificationPreferencesSchema,
  PhoneStatusSchema,
  PhoneVerificationConfirmSchema,
  PhoneVerificationRequestSchema,
  PhoneVerificationSentSchema,
  PushPublicKeySchema,
  PushSubscriptionSchema,
  PushUnsubscribeSchema,
  SmsConsentSchema,
} from './notification-channels.ts';
import { MarkReadSchema, NotificationPageSchema } from './notifications.ts';
import { RunWeatherSchema } from './weather.ts';
import {
  CancelRunSchema,
  CreatedSeriesSchema,
  CreateSeriesSchema,
  SeriesPageSchema,
  UpdateSeriesSchema,
} from './series.ts';
import { PlaceSearchQuerySchema, PlaceSearchResultSchema } from './places.ts';
import { SessionListSchema } from './sessions.ts';
import { CreateReportSchema, ReportCreatedSchema } from './safety.ts';
import { ClaimSeatOfferResultSchema } from './seat-offers.ts';
import {
  ChangePasswordSchema,
  PasswordResetConfirmSchema,
  PasswordResetPhoneConfirmSchema,
  PasswordResetPhoneRequestSchema,
  PasswordResetPhoneSentSchema,
  PasswordResetRequestedSchema,
  PasswordResetRequestSchema,
} from './password.ts';
import {
  CreateRunSchema,
  JoinResultSchema,
  JoinRunSchema,
  ListRunsQuerySchema,
  MovePaceGroupSchema,
  RemoveParticipantSchema,
  RunPageSchema,
  RunSchema,
  UpdateRunSchema,
} from './runs.ts';
import { ImageSchema, MeSchema, UpdateMeSchema } from './users.ts';
import {
  AuditPageSchema,
  AuditQuerySchema,
  FindUserQuerySchema,
  FoundUserSchema,
  ModerateUserSchema,
  ModerationEntrySchema,
  ReportActionSchema,
  ReportQueuePageSchema,
  ReportQueueQuerySchema,
  SetUserRoleSchema,
  UserModerationHistorySchema,
} from './moderation.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One operation of the API as a client calls it: method, path template (`:name` for a path parameter), the
 * schemas of the query and the JSON body it sends, and the schema of a successful answer (null: 204, no body).
 * The server's test checks each against its OpenAPI document, so the table cannot drift from the routes.
 */
export interface Endpoint {
  readonly method: HttpMethod;
  readonly path: `/api/${string}`;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  readonly response: z.ZodType | null;
}

/**
 * The body of a POST that carries nothing but must be JSON: the server takes a cookie-authenticated call only
 * with a JSON body, which no cross-site form can send. The route itself declares no body.
 */
export const EmptyJsonBodySchema = z.object({}).strict();

/** The answer of `GET /api/me/calendar` and its rotation: the secret address of the user's calendar feed. */
export const FeedUrlSchema = z.object({ url: z.string() });
export type FeedUrl = z.infer<typeof FeedUrlSchema>;

/** What an uploaded image is for: an avatar, or a photo of a run or course (their sizes differ). */
export const UPLOAD_PURPOSES = ['avatar', 'photo'] as const;
export type UploadPurpose = (typeof UPLOAD_PURPOSES)[number];
/** The query of an upload. */
export const UploadQuerySchema = z.object({ purpose: z.enum(UPLOAD_PURPOSES).default('photo') });

/** Every operation the web app calls; the others (health, OAuth redirects, files) are reached by URL. */
export const endpoints = {
  getConfig: { method: 'GET', path: '/api/config', response: AppConfigSchema },
  searchPlaces: {
    method: 'GET',
    path: '/api/places',
    query: PlaceSearchQuerySchema,
    response: PlaceSearchResultSchema,
  },

  // auth
  signup: { method: 'POST', path: '/api/auth/signup', body: SignupSchema, response: AuthResponseSchema },
  login: { method: 'POST', path: '/api/auth/login', body: LoginSchema, response: AuthResponseSchema },
  logout: { method: 'POST', path: '/api/auth/logout', body: EmptyJsonBodySchema, response: null },
  logoutAll: { method: 'POST', path: '/api/auth/logout-all', response: null },
  getAuthProviders: { method: 'GET', path: '/api/auth/providers', response: AuthProvidersSchema },

  // users and me
  getProfile: { method: 'GET', path: '/api/users/:userId', response: ProfileSchema },
  getMe: { method: 'GET', path: '/api/me', response: MeSchema },
  updateMe: { method: 'PATCH', path: '/api/me', body: UpdateMeSchema, response: MeSchema },
  deleteAccount: { method: 'DELETE', path: '/api/me', body: DeleteAccountSchema, response: null },
  exportMyData: { method: 'GET', path: '/api/me/export', response: z.record(z.string(), z.unknown()) },
  getMyRuns: { method: 'GET', path: '/api/me/runs', query: MeRunsQuerySchema, response: MyRunPageSchema },
  getMyStats: { method: 'GET', path: '/api/me/stats', response: MyStatsSchema },
  getMyBadges: { method: 'GET', path: '/api/me/badges', response: BadgeListSchema },
  getConnections: { method: 'GET', path: '/api/me/connections', response: ConnectionsSchema },
  connect: { method: 'POST', path: '/api/me/connections/:provider', response: ConnectStartSchema },
  disconnect: { method: 'DELETE', path: '/api/me/connections/:provider', response: null },
  getCalendarFeed: { method: 'GET', path: '/api/me/calendar', response: FeedUrlSchema },
  rotateCalendarFeed: { method: 'POST', path: '/api/me/calendar/rotate', response: FeedUrlSchema },
  getScoreHistory: { method: 'GET', path: '/api/me/score-history', response: ScoreHistorySchema },
  getMyCrews: { method: 'GET', path: '/api/me/crews', query: MyCrewsQuerySchema, response: MyCrewsSchema },

  // uploads (multipart: the form is the body)
  uploadImage: { method: 'POST', path: '/api/uploads', query: UploadQuerySchema, response: ImageSchema },

  // runs
  createRun: { method: 'POST', path: '/api/runs', body: CreateRunSchema, response: RunSchema },
  getRuns: { method: 'GET', path: '/api/runs', query: ListRunsQuerySchema, response: RunPageSchema },
  getRun: { method: 'GET', path: '/api/runs/:runId', response: RunSchema },
  getRunWeather: { method: 'GET', path: '/api/runs/:runId/weather', response: RunWeatherSchema },
  updateRun: { method: 'PATCH', path: '/api/runs/:runId', body: UpdateRunSchema, response: RunSchema },
  deleteRun: {
    method: 'DELETE',
    path: '/api/runs/:runId',
    // The reason is optional, and so is the body: older clients cancel with none.
    body: CancelRunSchema.nullish(),
    response: null,
  },
  joinRun: {
    method: 'POST',
    path: '/api/runs/:runId/participants',
    // A run with pace groups needs `paceGroupId`; older clients join a run without groups with no body.
    body: JoinRunSchema.nullish(),
    response: JoinResultSchema,
  },
  movePaceGroup: {
    method: 'PUT',
    path: '/api/runs/:runId/participants/:userId/pace-group',
    body: MovePaceGroupSchema,
    response: JoinResultSchema,
  },
  leaveRun: { method: 'DELETE', path: '/api/runs/:runId/participants/me', response: null },
  removeParticipant: {
    method: 'DELETE',
    path: '/api/runs/:runId/participants/:userId',
    body: RemoveParticipantSchema,
    response: null,
  },
  bookmarkRun: { method: 'PUT', path: '/api/runs/:runId/bookmark', response: null },
  unbookmarkRun: { method: 'DELETE', path: '/api/runs/:runId/bookmark', response: null },

  // after the run
  getAttendance: { method: 'GET', path: '/api/runs/:runId/attendance', response: AttendanceSchema },
  saveAttendance: {
    method: 'PUT',
    path: '/api/runs/:runId/attendance',
    body: SaveAttendanceSchema,
    response: AttendanceSchema,
  },
  writeHostReview: {
    method: 'POST',
    path: '/api/runs/:runId/host-review',
    body: WriteHostReviewSchema,
    response: null,
  },

  // courses
  createCourse: { method: 'POST', path: '/api/courses', body: CreateCourseSchema, response: CourseSchema },
  getCourses: {
    method: 'GET',
    path: '/api/courses',
    query: ListCoursesQuerySchema,
    response: CoursePageSchema,
  },
  getCourse: { method: 'GET', path: '/api/courses/:courseId', response: CourseSchema },
  updateCourse: {
    method: 'PATCH',
    path: '/api/courses/:courseId',
    body: UpdateCourseSchema,
    response: CourseSchema,
  },
  deleteCourse: { method: 'DELETE', path: '/api/courses/:courseId', response: null },
  rateCourse: {
    method: 'PUT',
    path: '/api/courses/:courseId/rating',
    body: RateCourseSchema,
    response: RatingResultSchema,
  },
  bookmarkCourse: { method: 'PUT', path: '/api/courses/:courseId/bookmark', response: null },
  unbookmarkCourse: { method: 'DELETE', path: '/api/courses/:courseId/bookmark', response: null },

  // comments
  getRunComments: {
    method: 'GET',
    path: '/api/runs/:id/comments',
    query: PageQuerySchema,
    response: CommentPageSchema,
  },
  writeRunComment: {
    method: 'POST',
    path: '/api/runs/:id/comments',
    body: WriteCommentSchema,
    response: CommentSchema,
  },
  getCourseComments: {
    method: 'GET',
    path: '/api/courses/:id/comments',
    query: PageQuerySchema,
    response: CommentPageSchema,
  },
  writeCourseComment: {
    method: 'POST',
    path: '/api/courses/:id/comments',
    body: WriteCommentSchema,
    response: CommentSchema,
  },
  editComment: {
    method: 'PATCH',
    path: '/api/comments/:commentId',
    body: WriteCommentSchema,
    response: CommentSchema,
  },
  deleteComment: { method: 'DELETE', path: '/api/comments/:commentId', response: null },
  getReplies: {
    method: 'GET',
    path: '/api/comments/:commentId/replies',
    query: PageQuerySchema,
    response: CommentPageSchema,
  },
  writeReply: {
    method: 'POST',
    path: '/api/comments/:commentId/replies',
    body: WriteCommentSchema,
    response: CommentSchema,
  },

  // crews
  createCrew: { method: 'POST', path: '/api/crews', body: CreateCrewSchema, response: CrewSchema },
  getCrews: { method: 'GET', path: '/api/crews', query: ListCrewsQuerySchema, response: CrewPageSchema },
  getCrew: { method: 'GET', path: '/api/crews/:crewId', response: CrewSchema },
  updateCrew: { method: 'PATCH', path: '/api/crews/:crewId', body: UpdateCrewSchema, response: CrewSchema },
  deleteCrew: { method: 'DELETE', path: '/api/crews/:crewId', response: null },

  // chat
  getChatMessages: {
    method: 'GET',
    path: '/api/runs/:runId/messages',
    query: ChatPageQuerySchema,
    response: ChatPageSchema,
  },
  sendChatMessage: {
    method: 'POST',
    path: '/api/runs/:runId/messages',
    body: SendChatMessageSchema,
    response: ChatMessageSchema,
  },
  markChatRead: {
    method: 'POST',
    path: '/api/runs/:runId/messages/read',
    body: EmptyJsonBodySchema,
    response: null,
  },
  getCrewChatMessages: {
    method: 'GET',
    path: '/api/crews/:crewId/chat/messages',
    query: ChatPageQuerySchema,
    response: ChatPageSchema,
  },
  sendCrewChatMessage: {
    method: 'POST',
    path: '/api/crews/:crewId/chat/messages',
    body: SendChatMessageSchema,
    response: ChatMessageSchema,
  },
  markCrewChatRead: {
    method: 'POST',
    path: '/api/crews/:crewId/chat/read',
    body: EmptyJsonBodySchema,
    response: null,
  },
  getMyChats: { method: 'GET', path: '/api/me/chats', response: ChatListSchema },
  muteChat: { method: 'PUT', path: '/api/chats/:kind/:id/mute', body: MuteChatSchema, response: null },
  getChatMembers: { method: 'GET', path: '/api/chats/:kind/:id/members', response: ChatMembersSchema },
  pinChatMessage: {
    method: 'PUT',
    path: '/api/chats/:kind/:id/messages/:messageId/pin',
    body: EmptyJsonBodySchema,
    response: null,
  },
  unpinChatMessage: {
    method: 'DELETE',
    path: '/api/chats/:kind/:id/messages/:messageId/pin',
    response: null,
  },

  // notifications and their channels
  getNotifications: {
    method: 'GET',
    path: '/api/notifications',
    query: PageQuerySchema,
    response: NotificationPageSchema,
  },
  markNotificationsRead: {
    method: 'POST',
    path: '/api/notifications/read',
    body: MarkReadSchema,
    response: null,
  },
  getNotificationPreferences: {
    method: 'GET',
    path: '/api/me/notification-preferences',
    response: NotificationPreferencesSchema,
  },
  updateNotificationPreferences: {
    method: 'PUT',
    path: '/api/me/notification-preferences',
    body: NotificationPreferencesSchema,
    response: NotificationPreferencesSchema,
  },
  getPushPublicKey: { method: 'GET', path: '/api/push/public-key', response: PushPublicKeySchema },
  subscribePush: {
    method: 'POST',
    path: '/api/me/push-subscriptions',
    body: PushSubscriptionSchema,
    response: null,
  },
  unsubscribePush: {
    method: 'DELETE',
    path: '/api/me/push-subscriptions',
    body: PushUnsubscribeSchema,
    response: null,
  },
  sendPhoneCode: {
    method: 'POST',
    path: '/api/me/phone/verification',
    body: PhoneVerificationRequestSchema,
    response: PhoneVerificationSentSchema,
  },
  confirmPhoneCode: {
    method: 'POST',
    path: '/api/me/phone/verification/confirm',
    body: PhoneVerificationConfirmSchema,
    response: PhoneStatusSchema,
  },
  removePhone: { method: 'DELETE', path: '/api/me/phone', response: null },
  setSmsConsent: {
    method: 'PUT',
    path: '/api/me/sms-consent',
    body: SmsConsentSchema,
    response: PhoneStatusSchema,
  },
  resendEmailVerification: {
    method: 'POST',
    path: '/api/auth/email-verification',
    response: EmailLinkSentSchema,
  },
  confirmEmailToken: {
    method: 'POST',
    path: '/api/auth/email-verification/confirm',
    body: ConfirmEmailTokenSchema,
    response: null,
  },
  changeEmail: {
    method: 'PUT',
    path: '/api/me/email',
    body: ChangeEmailSchema,
    response: EmailLinkSentSchema,
  },
  checkEmailAvailability: {
    method: 'GET',
    path: '/api/auth/email-availability',
    query: EmailAvailabilityQuerySchema,
    response: EmailAvailabilitySchema,
  },
  getMyConsents: { method: 'GET', path: '/api/me/consents', response: ConsentStateSchema },
  acceptConsents: {
    method: 'POST',
    path: '/api/me/consents',
    body: AcceptConsentsSchema,
    response: ConsentStateSchema,
  },

  // password reset and change (issue 15)
  requestPasswordReset: {
    method: 'POST',
    path: '/api/auth/password-reset',
    body: PasswordResetRequestSchema,
    response: PasswordResetRequestedSchema,
  },
  confirmPasswordReset: {
    method: 'POST',
    path: '/api/auth/password-reset/confirm',
    body: PasswordResetConfirmSchema,
    response: AuthResponseSchema,
  },
  requestPasswordResetByPhone: {
    method: 'POST',
    path: '/api/auth/password-reset/phone',
    body: PasswordResetPhoneRequestSchema,
    response: PasswordResetPhoneSentSchema,
  },
  confirmPasswordResetByPhone: {
    method: 'POST',
    path: '/api/auth/password-reset/phone/confirm',
    body: PasswordResetPhoneConfirmSchema,
    response: AuthResponseSchema,
  },
  changePassword: { method: 'PUT', path: '/api/me/password', body: ChangePasswordSchema, response: null },

  // signed-in devices (issue 15)
  getSessions: { method: 'GET', path: '/api/me/sessions', response: SessionListSchema },
  revokeSession: { method: 'DELETE', path: '/api/me/sessions/:sessionId', response: null },
  revokeOtherSessions: { method: 'DELETE', path: '/api/me/sessions', response: null },

  // crew membership (issue 16)
  joinCrew: {
    method: 'POST',
    path: '/api/crews/:crewId/members',
    body: members.JoinCrewSchema,
    response: members.JoinCrewResultSchema,
  },
  getCrewMembers: {
    method: 'GET',
    path: '/api/crews/:crewId/members',
    query: members.CrewMembersQuerySchema,
    response: members.CrewMemberPageSchema,
  },
  getMyCrewMembership: {
    method: 'GET',
    path: '/api/crews/:crewId/members/me',
    response: members.MyCrewMembershipSchema,
  },
  leaveCrew: { method: 'DELETE', path: '/api/crews/:crewId/members/me', response: null },
  updateCrewMember: {
    method: 'PATCH',
    path: '/api/crews/:crewId/members/:userId',
    body: members.UpdateCrewMemberSchema,
    response: members.CrewMemberSchema,
  },
  removeCrewMember: {
    method: 'DELETE',
    path: '/api/crews/:crewId/members/:userId',
    body: members.RemoveCrewMemberSchema.nullish(),
    response: null,
  },
  createCrewInvite: { method: 'POST', path: '/api/crews/:crewId/invite', response: members.CrewInviteSchema },
  // crew announcements (공지) and the crew calendar feed (issue 16)
  createAnnouncement: {
    method: 'POST',
    path: '/api/crews/:crewId/announcements',
    body: CreateAnnouncementSchema,
    response: AnnouncementSchema,
  },
  getAnnouncements: {
    method: 'GET',
    path: '/api/crews/:crewId/announcements',
    query: PageQuerySchema,
    response: AnnouncementPageSchema,
  },
  getAnnouncement: {
    method: 'GET',
    path: '/api/announcements/:announcementId',
    response: AnnouncementSchema,
  },
  updateAnnouncement: {
    method: 'PATCH',
    path: '/api/announcements/:announcementId',
    body: UpdateAnnouncementSchema,
    response: AnnouncementSchema,
  },
  deleteAnnouncement: { method: 'DELETE', path: '/api/announcements/:announcementId', response: null },
  getAnnouncementComments: {
    method: 'GET',
    path: '/api/announcements/:id/comments',
    query: PageQuerySchema,
    response: CommentPageSchema,
  },
  writeAnnouncementComment: {
    method: 'POST',
    path: '/api/announcements/:id/comments',
    body: WriteCommentSchema,
    response: CommentSchema,
  },
  getCrewCalendarFeed: { method: 'GET', path: '/api/crews/:crewId/calendar', response: FeedUrlSchema },
  rotateCrewCalendarFeed: {
    method: 'POST',
    path: '/api/crews/:crewId/calendar/rotate',
    response: FeedUrlSchema,
  },
  // 정기런 (issue 16)
  createSeries: {
    method: 'POST',
    path: '/api/series',
    body: CreateSeriesSchema,
    response: CreatedSeriesSchema,
  },
  getSeries: { method: 'GET', path: '/api/series/:seriesId', response: SeriesPageSchema },
  updateSeries: {
    method: 'PATCH',
    path: '/api/series/:seriesId',
    body: UpdateSeriesSchema,
    response: SeriesPageSchema,
  },
  endSeries: { method: 'DELETE', path: '/api/series/:seriesId', response: null },
  // trust and safety (issue 17)
  createReport: {
    method: 'POST',
    path: '/api/reports',
    body: CreateReportSchema,
    response: ReportCreatedSchema,
  },
  // Blocks (issue 17)
  getMyBlocks: { method: 'GET', path: '/api/me/blocks', query: PageQuerySchema, response: BlockPageSchema },
  getBlockState: { method: 'GET', path: '/api/me/blocks/:userId', response: BlockStateSchema },
  blockUser: { method: 'PUT', path: '/api/me/blocks/:userId', response: null },
  unblockUser: { method: 'DELETE', path: '/api/me/blocks/:userId', response: null },
  getSavedSearches: { method: 'GET', path: '/api/me/saved-searches', response: SavedSearchListSchema },
  createSavedSearch: {
    method: 'POST',
    path: '/api/me/saved-searches',
    body: CreateSavedSearchSchema,
    response: SavedSearchSchema,
  },
  deleteSavedSearch: { method: 'DELETE', path: '/api/me/saved-searches/:savedSearchId', response: null },
  // fair attendance and reliability (issue 17)
  getMyAttendance: { method: 'GET', path: '/api/runs/:runId/attendance/me', response: MyAttendanceSchema },
  createDispute: {
    method: 'POST',
    path: '/api/runs/:runId/attendance/disputes',
    body: CreateDisputeSchema,
    response: DisputeSchema,
  },
  getRunDisputes: {
    method: 'GET',
    path: '/api/runs/:runId/attendance/disputes',
    response: RunDisputesSchema,
  },
  resolveDispute: {
    method: 'PATCH',
    path: '/api/runs/:runId/attendance/disputes/:userId',
    body: ResolveDisputeSchema,
    response: DisputeSchema,
  },
  getReliability: { method: 'GET', path: '/api/users/:userId/reliability', response: ReliabilitySchema },
  getRunReliability: { method: 'GET', path: '/api/runs/:runId/reliability', response: RunReliabilitySchema },
  // seat offers (issue 17)
  claimSeatOffer: {
    method: 'POST',
    path: '/api/runs/:runId/seat-offer/claim',
    response: ClaimSeatOfferResultSchema,
  },
  declineSeatOffer: { method: 'DELETE', path: '/api/runs/:runId/seat-offer', response: null },
  // moderation of accounts (issue 17): moderators and admins; roles by admins only
  moderateUser: {
    method: 'POST',
    path: '/api/admin/users/:userId/actions',
    body: ModerateUserSchema,
    response: ModerationEntrySchema,
  },
  setUserRole: {
    method: 'POST',
    path: '/api/admin/users/:userId/role',
    body: SetUserRoleSchema,
    response: ModerationEntrySchema,
  },
  getUserModerationHistory: {
    method: 'GET',
    path: '/api/admin/users/:userId/history',
    response: UserModerationHistorySchema,
  },
  findUserByEmail: {
    method: 'GET',
    path: '/api/admin/users',
    query: FindUserQuerySchema,
    response: FoundUserSchema,
  },
  getEscalatedDisputes: { method: 'GET', path: '/api/admin/disputes', response: EscalatedDisputesSchema },
  decideEscalatedDispute: {
    method: 'POST',
    path: '/api/admin/disputes/:runId/:userId',
    body: ResolveDisputeSchema,
    response: DisputeSchema,
  },
  getReportQueue: {
    method: 'GET',
    path: '/api/admin/reports',
    query: ReportQueueQuerySchema,
    response: ReportQueuePageSchema,
  },
  actOnReport: {
    method: 'POST',
    path: '/api/admin/reports/:reportId/actions',
    body: ReportActionSchema,
    response: ModerationEntrySchema,
  },
  getModerationAudit: {
    method: 'GET',
    path: '/api/admin/audit',
    query: AuditQuerySchema,
    response: AuditPageSchema,
  },
} as const satisfies Record<string, Endpoint>;

export type Endpoints = typeof endpoints;
export type EndpointName = keyof Endpoints;

/** `'/api/runs/:runId/participants/:userId'` → `'runId' | 'userId'`. */
export type PathParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;
/** The values of a path's parameters, by name. */
export type PathParams<P extends string> = { [K in PathParamNames<P>]: string };
