/** The screens of the logged-in app, as the side menu, the router and the dashboard's shortcuts list them. */
import { HomeOutlined, UserOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { adminRoutes } from '../pages/admin/admin-routes.tsx';
import { MICRO_GROUP, microScreens } from '../pages/micro-suggestions/micro-routes.tsx';
import { evaluationScreens } from '../pages/office/evaluation-routes.tsx';
import { officeScreens } from '../pages/office/office-routes.tsx';
import { proposalScreens } from '../pages/proposals/proposal-routes.tsx';
import { searchScreen } from '../pages/search/search-routes.tsx';
import { STATION_GROUP, stationScreens } from '../pages/stations/station-routes.tsx';
import { routePath, type ScreenRoute } from './navigation-rules.ts';

/** A screen with its menu icon; `element` is absent for the shell's own screens (the router supplies them). */
export type AppScreen = ScreenRoute<{ icon: ReactNode; element?: ReactNode; description?: string }>;

/** The menu group of the administration screens. */
export const ADMIN_GROUP = '系统管理';
/** The menu group of proposal work. */
export const PROPOSAL_GROUP = '提案工作';

/** The dashboard (工作台), everyone's home. */
export const dashboardScreen: AppScreen = { path: '', label: '工作台', icon: <HomeOutlined />, roles: 'all' };
/** The user's own account. */
export const accountScreen: AppScreen = {
  path: 'account',
  label: '我的账户',
  icon: <UserOutlined />,
  roles: 'all',
  description: '个人信息、修改密码、动态验证码、登录会话',
};

/** Every screen in menu order: the dashboard, the modules' screens, the account. */
export function appScreens(): AppScreen[] {
  const admin = adminRoutes.map((route) => ({ ...route, path: routePath(route.path), group: ADMIN_GROUP }));
  const proposalWork = [...proposalScreens, searchScreen, ...officeScreens, ...evaluationScreens].map((route) => ({
    ...route,
    path: routePath(route.path),
    group: PROPOSAL_GROUP,
  }));
  const stations = stationScreens.map((route) => ({ ...route, path: routePath(route.path), group: STATION_GROUP }));
  const micro = microScreens.map((route) => ({ ...route, path: routePath(route.path), group: MICRO_GROUP }));
  return [dashboardScreen, ...proposalWork, ...micro, ...stations, ...admin, accountScreen];
}
