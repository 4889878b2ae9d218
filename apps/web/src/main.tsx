import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { AppProvider } from './app/provider.tsx';
import { listenForInstallPrompt } from './features/install/hooks/use-install-offer.ts';
import { registerServiceWorker } from './features/install/utils/register-service-worker.ts';
import { createAppRouter } from './app/router.tsx';
import { apiClient } from './lib/api-client.ts';
import { i18nReady } from './lib/i18n.ts';
import { createQueryClient } from './lib/query-client.ts';
import { startRealtime } from './lib/realtime.ts';
import './styles/global.css';

// Restore the session from the refresh cookie once, before anything renders (a reload stays signed in).
void apiClient.restore();
// One socket while signed in (live notifications and run pages), from the first sign-in on.
startRealtime();

// The app shell and offline page (sw.js), and Chrome's install prompt, which may fire before the first render.
registerServiceWorker();
listenForInstallPrompt();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// Korean texts are in the entry (ready at once); an English reader's are fetched first, so no key ever shows.
void i18nReady.then(() =>
  createRoot(root).render(
    <StrictMode>
      <AppProvider queryClient={createQueryClient()}>
        <RouterProvider router={createAppRouter()} />
      </AppProvider>
    </StrictMode>,
  ),
);
