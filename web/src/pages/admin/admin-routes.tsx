import {
  ApartmentOutlined,
  AuditOutlined,
  BookOutlined,
  CalendarOutlined,
  FlagOutlined,
  KeyOutlined,
  SettingOutlined,
  TeamOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Role } from '../../../../contracts/roles.ts';
import { AuditLogPage } from './audit-log-page.tsx';
import { CalendarPage } from './calendar-page.tsx';
import { DictionariesPage } from './dictionaries-page.tsx';
import { MembersPage } from './members-page.tsx';
import { PasswordResetsPage } from './password-resets-page.tsx';
import { SettingsPage } from './settings-page.tsx';
import { TermsPage } from './terms-page.tsx';
import { UnitsPage } from './units-page.tsx';
import { UsersPage } from './users-page.tsx';

/** An administration screen as the shell's menu and router take it. */
export type AdminRoute = {
  path: string;
  label: string;
  icon: ReactNode;
  roles: Role[];
  element: ReactNode;
  description?: string;
};

/**
 * The administration screens and who sees them (三员分立): the system administrator keeps the rosters, structure
 * and business settings; the security administrator accounts (security actions) and the security settings; the
 * auditor only the audit log; the proposal office the rosters, terms and sessions, dictionaries and calendar.
 */
export const adminRoutes: AdminRoute[] = [
  {
    path: 'admin/members',
    label: '委员管理',
    icon: <TeamOutlined />,
    roles: ['system_admin', 'proposal_office'],
    element: <MembersPage />,
    description: '委员名单、查询筛选、Excel 导入导出',
  },
  {
    path: 'admin/units',
    label: '承办单位',
    icon: <ApartmentOutlined />,
    roles: ['system_admin', 'proposal_office'],
    element: <UnitsPage />,
    description: '承办单位名录、Excel 导入导出',
  },
  {
    path: 'admin/users',
    label: '用户与角色',
    icon: <UserSwitchOutlined />,
    roles: ['system_admin', 'security_admin'],
    element: <UsersPage />,
    description: '账户、角色分配、停用启用、解锁和重置密码',
  },
  {
    path: 'admin/password-resets',
    label: '密码重置审批',
    icon: <KeyOutlined />,
    roles: ['system_admin', 'security_admin', 'auditor'],
    element: <PasswordResetsPage />,
    description: '管理员账户的密码重置须经另一名管理员批准',
  },
  {
    path: 'admin/terms',
    label: '届次与会议',
    icon: <FlagOutlined />,
    roles: ['system_admin', 'proposal_office'],
    element: <TermsPage />,
    description: '届次、每年的全体会议和当前会议',
  },
  {
    path: 'admin/dictionaries',
    label: '字典管理',
    icon: <BookOutlined />,
    roles: ['system_admin', 'proposal_office'],
    element: <DictionariesPage />,
    description: '界别、专委会、党派、小组、提案类别等',
  },
  {
    path: 'admin/calendar',
    label: '工作日历',
    icon: <CalendarOutlined />,
    roles: ['system_admin', 'proposal_office'],
    element: <CalendarPage />,
    description: '节假日与调休、期限计算',
  },
  {
    path: 'admin/settings',
    label: '系统设置',
    icon: <SettingOutlined />,
    roles: ['system_admin', 'security_admin'],
    element: <SettingsPage />,
    description: '安全策略、办理期限与字数限制',
  },
  {
    path: 'admin/audit',
    label: '审计日志',
    icon: <AuditOutlined />,
    roles: ['auditor'],
    element: <AuditLogPage />,
    description: '全部操作记录、哈希链完整性校验',
  },
];
