/** The routes: /login outside the frame; every other screen inside it, behind login and the user's roles. */

import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Result } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { createBrowserRouter, Navigate, useLocation, useNavigate } from 'react-router';
import { FullPageSpin } from '../components/full-page-spin.tsx';
import { isLoggedOut, pendingSteps, useMe } from '../features/auth/auth-api.ts';
import { ApiError, errorMessage } from '../lib/api.ts';
import { AccountPage } from '../pages/account/account-page.tsx';
import { DashboardPage } from '../pages/dashboard/dashboard-page.tsx';
import { LoginPage } from '../pages/login/login-page.tsx';
import { ForbiddenPage, NotFoundPage } from '../pages/not-found/not-found-page.tsx';
import { AppLayout } from './app-layout.tsx';
import { mayOpen } from './navigation-rules.ts';
import { type AppScreen, appScreens } from './screens.tsx';

/** The session ended: forget every cached answer (they may hold personal data), then go to the login screen. */
function LoggedOut({ from, reason }: { from: string; reason?: string }) {
  const client = useQueryClient();
  const navigate = useNavigate();
  useEffect(() => {
    client.clear();
    navigate('/login', { replace: true, state: { from, reason } });
  }, [client, navigate, from, reason]);
  return <FullPageSpin />;
}

/** The frame, once the user is known and has no login step left; otherwise the login screen. */
function RequireLogin() {
  const me = useMe();
  const location = useLocation();
  const from = location.pathname + location.search;
  if (me.error && isLoggedOut(me.error)) {
    const reason = me.error instanceof ApiError ? me.error.code : undefined;
    return <LoggedOut from={from} reason={reason} />;
  }
  if (me.data && pendingSteps(me.data).length > 0) return <Navigate to="/login" replace state={{ from }} />;
  if (me.data) return <AppLayout me={me.data} />;
  if (me.isError) {
    return (
      <Result
        status="warning"
        title="暂时无法连接服务器"
        subTitle={<Alert type="warning" title={errorMessage(me.error)} />}
        extra={
          <Button type="primary" onClick={() => me.refetch()}>
            重试
          </Button>
        }
      />
    );
  }
  return <FullPageSpin />;
}

/** A screen shown only to the roles it names. */
function RoleGate({ screen, children }: { screen: AppScreen; children: ReactNode }) {
  const { data: me } = useMe();
  if (!me || !mayOpen(screen, me.roles)) return <ForbiddenPage />;
  return <>{children}</>;
}

/** Builds the router. */
export function createAppRouter() {
  const moduleScreens = appScreens().filter((screen) => screen.element !== undefined && screen.path !== '');
  return createBrowserRouter([
    { path: '/login', element: <LoginPage /> },
    {
      path: '/',
      element: <RequireLogin />,
      children: [
        { index: true, element: <DashboardPage /> },
        { path: 'account', element: <AccountPage /> },
        ...moduleScreens.map((screen) => ({
          path: `${screen.path}/*`,
          element: <RoleGate screen={screen}>{screen.element}</RoleGate>,
        })),
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
