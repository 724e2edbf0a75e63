import { BarChartOutlined, BulbOutlined, SolutionOutlined } from '@ant-design/icons';
import { Navigate, Route, Routes } from 'react-router';
import type { Role } from '../../../../contracts/roles.ts';
import { useMe } from '../../features/auth/auth-api.ts';
import type { AdminRoute } from '../admin/admin-routes.tsx';
import { NotFoundPage } from '../not-found/not-found-page.tsx';
import { MicroDetailPage } from './micro-detail-page.tsx';
import { MicroEditorPage } from './micro-editor-page.tsx';
import { MicroQueuePage } from './micro-queue-page.tsx';
import { MicroStatisticsPage } from './micro-statistics-page.tsx';
import { MyMicroListPage } from './my-micro-list-page.tsx';

/** The menu group of micro-suggestion work. */
export const MICRO_GROUP = '微建议';

/** A screen of this module; `menuRoles` narrows who sees it in the menu (others open it from a link). */
export type MicroScreen = AdminRoute & { menuRoles?: Role[] };

/** /micro-suggestions: the member's list (others go to their own list), the form (new, edit) and the shared detail. */
function MemberSection() {
  return (
    <Routes>
      <Route index element={<MemberHome />} />
      <Route path="new" element={<MicroEditorPage />} />
      <Route path=":id" element={<MicroDetailPage />} />
      <Route path=":id/edit" element={<MicroEditorPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

/** The member's own list; the office, which opened /micro-suggestions from a link, lands on its queue. */
function MemberHome() {
  const { data: me } = useMe();
  const member = Boolean(me?.roles.includes('member') && me.memberId);
  if (!member && me?.roles.includes('proposal_office')) return <Navigate to="/office/micro-suggestions" replace />;
  return <MyMicroListPage />;
}

/** /office/micro-suggestions: the office's list and the detail (so the menu stays on 微建议办理). */
function OfficeSection() {
  return (
    <Routes>
      <Route index element={<MicroQueuePage />} />
      <Route path=":id" element={<MicroDetailPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

/**
 * The micro-suggestion screens (微建议): members write and follow their own; the office reviews, transfers and
 * publishes; the office, supervisors and leaders read the statistics. The detail under /micro-suggestions opens for
 * everyone who may read an item (notifications and the units' handling pages link there); the server decides which.
 */
export const microScreens: MicroScreen[] = [
  {
    path: 'micro-suggestions',
    label: '我的微建议',
    icon: <BulbOutlined />,
    roles: ['member', 'proposal_office', 'unit_handler', 'unit_leader', 'supervisor', 'leader', 'station_staff'],
    menuRoles: ['member'],
    element: <MemberSection />,
    description: '随手写微建议：身边小事，拍照上传，跟踪办理、评价结果',
  },
  {
    path: 'office/micro-suggestions',
    label: '微建议办理',
    icon: <SolutionOutlined />,
    roles: ['proposal_office'],
    element: <OfficeSection />,
    description: '受理、不予受理、合并、转为提案、转交承办单位、委员领办、公开',
  },
  {
    path: 'micro-statistics',
    label: '微建议统计',
    icon: <BarChartOutlined />,
    roles: ['proposal_office', 'supervisor', 'leader'],
    element: <MicroStatisticsPage />,
    description: '提出、受理、办结、按期答复、满意度，按单位、街道、领域、月份，Excel 导出',
  },
];
