import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { pageTextsReady } from '../lib/i18n.ts';
import { GuestOnly, RequireAuth } from './shell/guards.tsx';
import { RootLayout } from './shell/root-layout.tsx';
import { RouteError, Splash } from './shell/splash.tsx';

/**
 * A page's chunk, fetched with the texts it needs: home's are in the entry, the others' a chunk fetched once,
 * with the first other page (lib/i18n.ts `pageTextsReady`).
 */
function page<M>(load: () => Promise<M>, component: (module: M) => ComponentType) {
  return async () => {
    const [module] = await Promise.all([load(), pageTextsReady()]);
    return { Component: component(module) };
  };
}

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
      {
        path: 'runs',
        lazy: page(
          () => import('./routes/runs.tsx'),
          (m) => m.RunsPage,
        ),
      },
      {
        path: 'runs/:runId',
        lazy: page(
          () => import('./routes/run-detail.tsx'),
          (m) => m.RunDetailPage,
        ),
      },
      {
        path: 'series/:seriesId',
        lazy: page(
          () => import('./routes/series-detail.tsx'),
          (m) => m.SeriesDetailPage,
        ),
      },
      {
        path: 'courses',
        lazy: page(
          () => import('./routes/courses.tsx'),
          (m) => m.CoursesPage,
        ),
      },
      {
        path: 'courses/:courseId',
        lazy: page(
          () => import('./routes/course-detail.tsx'),
          (m) => m.CourseDetailPage,
        ),
      },
      {
        path: 'crews',
        lazy: page(
          () => import('./routes/crews.tsx'),
          (m) => m.CrewsPage,
        ),
      },
      {
        path: 'crews/:crewId',
        lazy: page(
          () => import('./routes/crew-detail.tsx'),
          (m) => m.CrewDetailPage,
        ),
      },
      {
        path: 'users/:userId',
        lazy: page(
          () => import('./routes/user-profile.tsx'),
          (m) => m.UserProfilePage,
        ),
      },
      {
        path: 'verify-email',
        lazy: page(
          () => import('./routes/verify-email.tsx'),
          (m) => m.VerifyEmailPage,
        ),
      },
      {
        path: 'terms',
        lazy: page(
          () => import('./routes/terms.tsx'),
          (m) => m.TermsPage,
        ),
      },
      {
        path: 'privacy',
        lazy: page(
          () => import('./routes/privacy.tsx'),
          (m) => m.PrivacyPage,
        ),
      },
      // The mailed link works signed in or out (it signs in as the account it was sent for).
      {
        path: 'reset-password',
        lazy: page(
          () => import('./routes/reset-password.tsx'),
          (m) => m.ResetPasswordPage,
        ),
      },
      {
        element: <GuestOnly />,
        children: [
          {
            path: 'login',
            lazy: page(
              () => import('./routes/login.tsx'),
              (m) => m.LoginPage,
            ),
          },
          {
            path: 'signup',
            lazy: page(
              () => import('./routes/signup.tsx'),
              (m) => m.SignupPage,
            ),
          },
          {
            path: 'forgot-password',
            lazy: page(
              () => import('./routes/forgot-password.tsx'),
              (m) => m.ForgotPasswordPage,
            ),
          },
        ],
      },
      {
        element: <RequireAuth />,
        children: [
          {
            path: 'consent',
            lazy: page(
              () => import('./routes/consent.tsx'),
              (m) => m.ConsentPage,
            ),
          },
          {
            path: 'onboarding',
            lazy: page(
              () => import('./routes/onboarding.tsx'),
              (m) => m.OnboardingPage,
            ),
          },
          {
            path: 'me',
            lazy: page(
              () => import('./routes/me.tsx'),
              (m) => m.MePage,
            ),
          },
          {
            path: 'me/settings',
            lazy: page(
              () => import('./routes/me-settings.tsx'),
              (m) => m.MeSettingsPage,
            ),
          },
          {
            path: 'notifications',
            lazy: page(
              () => import('./routes/notifications.tsx'),
              (m) => m.NotificationsPage,
            ),
          },
          {
            path: 'runs/new',
            lazy: page(
              () => import('./routes/run-new.tsx'),
              (m) => m.RunNewPage,
            ),
          },
          {
            path: 'runs/:runId/edit',
            lazy: page(
              () => import('./routes/run-edit.tsx'),
              (m) => m.RunEditPage,
            ),
          },
          {
            path: 'runs/:runId/chat',
            lazy: page(
              () => import('./routes/run-chat.tsx'),
              (m) => m.RunChatPage,
            ),
          },
          {
            path: 'chats',
            lazy: page(
              () => import('./routes/chats.tsx'),
              (m) => m.ChatsPage,
            ),
          },
          {
            path: 'crews/:crewId/chat',
            lazy: page(
              () => import('./routes/crew-chat.tsx'),
              (m) => m.CrewChatPage,
            ),
          },
          {
            path: 'runs/:runId/attendance',
            lazy: page(
              () => import('./routes/attendance.tsx'),
              (m) => m.AttendancePage,
            ),
          },
          {
            path: 'runs/:runId/review',
            lazy: page(
              () => import('./routes/host-review.tsx'),
              (m) => m.HostReviewPage,
            ),
          },
          {
            path: 'courses/new',
            lazy: page(
              () => import('./routes/course-new.tsx'),
              (m) => m.CourseNewPage,
            ),
          },
          {
            path: 'courses/:courseId/edit',
            lazy: page(
              () => import('./routes/course-edit.tsx'),
              (m) => m.CourseEditPage,
            ),
          },
          {
            path: 'crews/:crewId/announcements',
            lazy: page(
              () => import('./routes/crew-announcements.tsx'),
              (m) => m.CrewAnnouncementsPage,
            ),
          },
          {
            path: 'crews/:crewId/announcements/new',
            lazy: page(
              () => import('./routes/announcement-new.tsx'),
              (m) => m.AnnouncementNewPage,
            ),
          },
          {
            path: 'announcements/:announcementId',
            lazy: page(
              () => import('./routes/announcement-detail.tsx'),
              (m) => m.AnnouncementDetailPage,
            ),
          },
          {
            path: 'crews/new',
            lazy: page(
              () => import('./routes/crew-new.tsx'),
              (m) => m.CrewNewPage,
            ),
          },
          {
            path: 'crews/:crewId/edit',
            lazy: page(
              () => import('./routes/crew-edit.tsx'),
              (m) => m.CrewEditPage,
            ),
          },
          {
            path: 'crews/:crewId/members',
            lazy: page(
              () => import('./routes/crew-members.tsx'),
              (m) => m.CrewMembersPage,
            ),
          },
          {
            path: 'crews/:crewId/join',
            lazy: page(
              () => import('./routes/crew-join.tsx'),
              (m) => m.CrewJoinPage,
            ),
          },
          {
            path: 'admin',
            lazy: page(
              () => import('./routes/admin.tsx'),
              (m) => m.AdminPage,
            ),
          },
        ],
      },
      {
        path: '*',
        lazy: page(
          () => import('./routes/not-found.tsx'),
          (m) => m.NotFoundPage,
        ),
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
