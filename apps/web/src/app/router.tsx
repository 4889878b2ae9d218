import { createBrowserRouter, type RouteObject } from 'react-router';
import { GuestOnly, RequireAuth } from './shell/guards.tsx';
import { RootLayout } from './shell/root-layout.tsx';
import { RouteError, Splash } from './shell/splash.tsx';

/**
 * Every page is its own chunk (`lazy`), fetched the first time its route matches: the router keeps the current
 * page on screen until the next one has loaded, and shows the start-up splash (the same one the session check
 * shows) only on the very first load. The shell, the guards and the layouts stay in the entry.
 */
export const routes: RouteObject[] = [
  {
    element: <RootLayout />,
    hydrateFallbackElement: <Splash />,
    // A page's chunk that fails to load (offline, or a release replaced it) offers a reload.
    errorElement: <RouteError />,
    children: [
      { index: true, lazy: async () => ({ Component: (await import('./routes/home.tsx')).HomePage }) },
      { path: 'runs', lazy: async () => ({ Component: (await import('./routes/runs.tsx')).RunsPage }) },
      {
        path: 'runs/:runId',
        lazy: async () => ({ Component: (await import('./routes/run-detail.tsx')).RunDetailPage }),
      },
      {
        path: 'series/:seriesId',
        lazy: async () => ({ Component: (await import('./routes/series-detail.tsx')).SeriesDetailPage }),
      },
      {
        path: 'courses',
        lazy: async () => ({ Component: (await import('./routes/courses.tsx')).CoursesPage }),
      },
      {
        path: 'courses/:courseId',
        lazy: async () => ({ Component: (await import('./routes/course-detail.tsx')).CourseDetailPage }),
      },
      { path: 'crews', lazy: async () => ({ Component: (await import('./routes/crews.tsx')).CrewsPage }) },
      {
        path: 'crews/:crewId',
        lazy: async () => ({ Component: (await import('./routes/crew-detail.tsx')).CrewDetailPage }),
      },
      {
        path: 'users/:userId',
        lazy: async () => ({ Component: (await import('./routes/user-profile.tsx')).UserProfilePage }),
      },
      {
        path: 'verify-email',
        lazy: async () => ({ Component: (await import('./routes/verify-email.tsx')).VerifyEmailPage }),
      },
      { path: 'terms', lazy: async () => ({ Component: (await import('./routes/terms.tsx')).TermsPage }) },
      {
        path: 'privacy',
        lazy: async () => ({ Component: (await import('./routes/privacy.tsx')).PrivacyPage }),
      },
      // The mailed link works signed in or out (it signs in as the account it was sent for).
      {
        path: 'reset-password',
        lazy: async () => ({ Component: (await import('./routes/reset-password.tsx')).ResetPasswordPage }),
      },
      {
        element: <GuestOnly />,
        children: [
          {
            path: 'login',
            lazy: async () => ({ Component: (await import('./routes/login.tsx')).LoginPage }),
          },
          {
            path: 'signup',
            lazy: async () => ({ Component: (await import('./routes/signup.tsx')).SignupPage }),
          },
          {
            path: 'forgot-password',
            lazy: async () => ({
              Component: (await import('./routes/forgot-password.tsx')).ForgotPasswordPage,
            }),
          },
        ],
      },
      {
        element: <RequireAuth />,
        children: [
          {
            path: 'consent',
            lazy: async () => ({ Component: (await import('./routes/consent.tsx')).ConsentPage }),
          },
          {
            path: 'onboarding',
            lazy: async () => ({ Component: (await import('./routes/onboarding.tsx')).OnboardingPage }),
          },
          { path: 'me', lazy: async () => ({ Component: (await import('./routes/me.tsx')).MePage }) },
          {
            path: 'me/settings',
            lazy: async () => ({ Component: (await import('./routes/me-settings.tsx')).MeSettingsPage }),
          },
          {
            path: 'notifications',
            lazy: async () => ({ Component: (await import('./routes/notifications.tsx')).NotificationsPage }),
          },
          {
            path: 'runs/new',
            lazy: async () => ({ Component: (await import('./routes/run-new.tsx')).RunNewPage }),
          },
          {
            path: 'runs/:runId/edit',
            lazy: async () => ({ Component: (await import('./routes/run-edit.tsx')).RunEditPage }),
          },
          {
            path: 'runs/:runId/chat',
            lazy: async () => ({ Component: (await import('./routes/run-chat.tsx')).RunChatPage }),
          },
          {
            path: 'chats',
            lazy: async () => ({ Component: (await import('./routes/chats.tsx')).ChatsPage }),
          },
          {
            path: 'crews/:crewId/chat',
            lazy: async () => ({ Component: (await import('./routes/crew-chat.tsx')).CrewChatPage }),
          },
          {
            path: 'runs/:runId/attendance',
            lazy: async () => ({ Component: (await import('./routes/attendance.tsx')).AttendancePage }),
          },
          {
            path: 'runs/:runId/review',
            lazy: async () => ({ Component: (await import('./routes/host-review.tsx')).HostReviewPage }),
          },
          {
            path: 'courses/new',
            lazy: async () => ({ Component: (await import('./routes/course-new.tsx')).CourseNewPage }),
          },
          {
            path: 'courses/:courseId/edit',
            lazy: async () => ({ Component: (await import('./routes/course-edit.tsx')).CourseEditPage }),
          },
          {
            path: 'crews/:crewId/announcements',
            lazy: async () => ({
              Component: (await import('./routes/crew-announcements.tsx')).CrewAnnouncementsPage,
            }),
          },
          {
            path: 'crews/:crewId/announcements/new',
            lazy: async () => ({
              Component: (await import('./routes/announcement-new.tsx')).AnnouncementNewPage,
            }),
          },
          {
            path: 'announcements/:announcementId',
            lazy: async () => ({
              Component: (await import('./routes/announcement-detail.tsx')).AnnouncementDetailPage,
            }),
          },
          {
            path: 'crews/new',
            lazy: async () => ({ Component: (await import('./routes/crew-new.tsx')).CrewNewPage }),
          },
          {
            path: 'crews/:crewId/edit',
            lazy: async () => ({ Component: (await import('./routes/crew-edit.tsx')).CrewEditPage }),
          },
          {
            path: 'crews/:crewId/members',
            lazy: async () => ({ Component: (await import('./routes/crew-members.tsx')).CrewMembersPage }),
          },
          {
            path: 'crews/:crewId/join',
            lazy: async () => ({ Component: (await import('./routes/crew-join.tsx')).CrewJoinPage }),
          },
          {
            path: 'admin',
            lazy: async () => ({ Component: (await import('./routes/admin.tsx')).AdminPage }),
          },
        ],
      },
      { path: '*', lazy: async () => ({ Component: (await import('./routes/not-found.tsx')).NotFoundPage }) },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
