/** The public portal (提案公开): its own bundle and layout, no login, the same providers as the app. */
import '../lib/zod-without-eval.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { AppProviders } from '../app/providers.tsx';
import { createPortalRouter } from './portal-router.tsx';
import './portal.css';

const root = document.getElementById('root');
if (!root) throw new Error('missing #root');
createRoot(root).render(
  <StrictMode>
    <AppProviders>
      <RouterProvider router={createPortalRouter()} />
    </AppProviders>
  </StrictMode>,
);
