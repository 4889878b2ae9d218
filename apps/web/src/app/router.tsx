import { createBrowserRouter, type RouteObject } from 'react-router';
import { CoursesPage } from './routes/courses.tsx';
import { HomePage } from './routes/home.tsx';
import { LoginPage } from './routes/login.tsx';
import { MePage } from './routes/me.tsx';
import { NotFoundPage } from './routes/not-found.tsx';
import { OnboardingPage } from './routes/onboarding.tsx';
import { RunsPage } from './routes/runs.tsx';
import { SignupPage } from './routes/signup.tsx';
import { GuestOnly, RequireAuth } from './shell/guards.tsx';
import { RootLayout } from './shell/root-layout.tsx';

export const routes: RouteObject[] = [
  {
    element: <RootLayout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'runs', element: <RunsPage /> },
      { path: 'courses', element: <CoursesPage /> },
      {
        element: <GuestOnly />,
        children: [
          { path: 'login', element: <LoginPage /> },
          { path: 'signup', element: <SignupPage /> },
        ],
      },
      {
        element: <RequireAuth />,
        children: [
          { path: 'onboarding', element: <OnboardingPage /> },
          { path: 'me', element: <MePage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
