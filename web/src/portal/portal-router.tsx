/** The portal's routes: /portal (the committees), /portal/:org (one committee), /portal/:org/proposals/:id. */
import { createBrowserRouter } from 'react-router';
import { PortalMicroListPage } from './micro-suggestions-page.tsx';
import { OrganizationPage } from './organization-page.tsx';
import { OrganizationsPage } from './organizations-page.tsx';
import { PortalLayout } from './portal-layout.tsx';
import { PortalNotFound } from './portal-not-found.tsx';
import { PublicMicroPage } from './public-micro-page.tsx';
import { PublicProposalPage } from './public-proposal-page.tsx';
import { PortalStationsPage } from './stations-page.tsx';

export function createPortalRouter() {
  return createBrowserRouter([
    {
      path: '/portal',
      element: <PortalLayout />,
      children: [
        { index: true, element: <OrganizationsPage /> },
        { path: ':org', element: <OrganizationPage /> },
        { path: ':org/proposals/:id', element: <PublicProposalPage /> },
        { path: ':org/stations', element: <PortalStationsPage /> },
        { path: ':org/micro-suggestions', element: <PortalMicroListPage /> },
        { path: ':org/micro-suggestions/:id', element: <PublicMicroPage /> },
        { path: '*', element: <PortalNotFound /> },
      ],
    },
    { path: '*', element: <PortalNotFound /> },
  ]);
}
