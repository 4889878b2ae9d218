import { createBrowserRouter, type RouteObject } from 'react-router';
import { AnnouncementDetailPage } from './routes/announcement-detail.tsx';
import { AnnouncementNewPage } from './routes/announcement-new.tsx';
import { AttendancePage } from './routes/attendance.tsx';
import { CrewAnnouncementsPage } from './routes/crew-announcements.tsx';
import { ConsentPage } from './routes/consent.tsx';
import { CourseDetailPage } from './routes/course-detail.tsx';
import { CourseEditPage } from './routes/course-edit.tsx';
import { CourseNewPage } from './routes/course-new.tsx';
import { CrewJoinPage } from './routes/crew-join.tsx';
import { CrewMembersPage } from './routes/crew-members.tsx';
import { CoursesPage } from './routes/courses.tsx';
import { CrewDetailPage } from './routes/crew-detail.tsx';
import { CrewEditPage } from './routes/crew-edit.tsx';
import { CrewNewPage } from './routes/crew-new.tsx';
import { CrewsPage } from './routes/crews.tsx';
import { ForgotPasswordPage } from './routes/forgot-password.tsx';
import { HomePage } from './routes/home.tsx';
import { HostReviewPage } from './routes/host-review.tsx';
import { LoginPage } from './routes/login.tsx';
import { MeSettingsPage } from './routes/me-settings.tsx';
import { MePage } from './routes/me.tsx';
import { NotFoundPage } from './routes/not-found.tsx';
import { NotificationsPage } from './routes/notifications.tsx';
import { ResetPasswordPage } from './routes/reset-password.tsx';
import { OnboardingPage } from './routes/onboarding.tsx';
import { PrivacyPage } from './routes/privacy.tsx';
import { RunChatPage } from './routes/run-chat.tsx';
import { ChatsPage } from './routes/chats.tsx';
import { CrewChatPage } from './routes/crew-chat.tsx';
import { RunDetailPage } from './routes/run-detail.tsx';
import { SeriesDetailPage } from './routes/series-detail.tsx';
import { RunEditPage } from './routes/run-edit.tsx';
import { RunNewPage } from './routes/run-new.tsx';
import { RunsPage } from './routes/runs.tsx';
import { SignupPage } from './routes/signup.tsx';
import { TermsPage } from './routes/terms.tsx';
import { UserProfilePage } from './routes/user-profile.tsx';
import { VerifyEmailPage } from './routes/verify-email.tsx';
import { GuestOnly, RequireAuth } from './shell/guards.tsx';
import { RootLayout } from './shell/root-layout.tsx';
import { AdminPage } from './routes/admin.tsx';

export const routes: RouteObject[] = [
  {
    element: <RootLayout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'runs', element: <RunsPage /> },
      { path: 'runs/:runId', element: <RunDetailPage /> },
      { path: 'series/:seriesId', element: <SeriesDetailPage /> },
      { path: 'courses', element: <CoursesPage /> },
      { path: 'courses/:courseId', element: <CourseDetailPage /> },
      { path: 'crews', element: <CrewsPage /> },
      { path: 'crews/:crewId', element: <CrewDetailPage /> },
      { path: 'users/:userId', element: <UserProfilePage /> },
      { path: 'verify-email', element: <VerifyEmailPage /> },
      { path: 'terms', element: <TermsPage /> },
      { path: 'privacy', element: <PrivacyPage /> },
      // The mailed link works signed in or out (it signs in as the account it was sent for).
      { path: 'reset-password', element: <ResetPasswordPage /> },
      {
        element: <GuestOnly />,
        children: [
          { path: 'login', element: <LoginPage /> },
          { path: 'signup', element: <SignupPage /> },
          { path: 'forgot-password', element: <ForgotPasswordPage /> },
        ],
      },
      {
        element: <RequireAuth />,
        children: [
          { path: 'consent', element: <ConsentPage /> },
          { path: 'onboarding', element: <OnboardingPage /> },
          { path: 'me', element: <MePage /> },
          { path: 'me/settings', element: <MeSettingsPage /> },
          { path: 'notifications', element: <NotificationsPage /> },
          { path: 'runs/new', element: <RunNewPage /> },
          { path: 'runs/:runId/edit', element: <RunEditPage /> },
          { path: 'runs/:runId/chat', element: <RunChatPage /> },
          { path: 'chats', element: <ChatsPage /> },
          { path: 'crews/:crewId/chat', element: <CrewChatPage /> },
          { path: 'runs/:runId/attendance', element: <AttendancePage /> },
          { path: 'runs/:runId/review', element: <HostReviewPage /> },
          { path: 'courses/new', element: <CourseNewPage /> },
          { path: 'courses/:courseId/edit', element: <CourseEditPage /> },
          { path: 'crews/:crewId/announcements', element: <CrewAnnouncementsPage /> },
          { path: 'crews/:crewId/announcements/new', element: <AnnouncementNewPage /> },
          { path: 'announcements/:announcementId', element: <AnnouncementDetailPage /> },
          { path: 'crews/new', element: <CrewNewPage /> },
          { path: 'crews/:crewId/edit', element: <CrewEditPage /> },
          { path: 'crews/:crewId/members', element: <CrewMembersPage /> },
          { path: 'crews/:crewId/join', element: <CrewJoinPage /> },
          { path: 'admin', element: <AdminPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
