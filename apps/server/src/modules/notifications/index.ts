/**
 * What the notifications module offers other modules beyond NotificationsService: storing notifications inside
 * the caller's transaction (a run's change and its notices commit together), and what to announce after it.
 */
export { type Announcement, type NewNotification, storeNotifications } from './notifications.repository.ts';
