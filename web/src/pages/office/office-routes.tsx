import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  ClockCircleOutlined,
  CloudUploadOutlined,
  DatabaseOutlined,
  ExperimentOutlined,
  FormOutlined,
  InboxOutlined,
  SendOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import type { AdminRoute } from '../admin/admin-routes.tsx';
import { HandlingSection } from '../handling/handling-section.tsx';
import { AdjustmentsPage } from './adjustments-page.tsx';
import { ArchivePage } from './archive-page.tsx';
import { AssignmentPage } from './assignment-page.tsx';
import { CategoryUnitsPage } from './category-units-page.tsx';
import { ExtensionsPage } from './extensions-page.tsx';
import { PublicationPage } from './publication-page.tsx';
import { ReviewPage } from './review-page.tsx';
import { RoutingPage } from './routing-page.tsx';
import { StatisticsPage } from './statistics-page.tsx';
import { SupervisionPage } from './supervision-page.tsx';
import { UnitInboxPage } from './unit-inbox-page.tsx';

/**
 * The proposal office's and the units' screens: review queue, assignment, adjustments, extensions, category
 * defaults, history and routing models, unit inbox, handling.
 */
export const officeScreens: AdminRoute[] = [
  {
    path: 'office/review',
    label: '提案审查',
    icon: <AuditOutlined />,
    roles: ['proposal_office'],
    element: <ReviewPage />,
    description: '待审查提案：立案、不予立案、并案、退回、转',
  },
  {
    path: 'office/assignment',
    label: '交办',
    icon: <SendOutlined />,
    roles: ['proposal_office'],
    element: <AssignmentPage />,
    description: '已立案提案的交办方案、批量交办与交办通知',
  },
  {
    path: 'office/adjustments',
    label: '调整申请',
    icon: <SwapOutlined />,
    roles: ['proposal_office'],
    element: <AdjustmentsPage />,
    description: '承办单位的调整申请：同意改交或不同意',
  },
  {
    path: 'office/extensions',
    label: '延期申请',
    icon: <ClockCircleOutlined />,
    roles: ['proposal_office'],
    element: <ExtensionsPage />,
    description: '承办单位的延期申请：同意或不同意',
  },
  {
    path: 'office/category-units',
    label: '类别默认承办单位',
    icon: <ApartmentOutlined />,
    roles: ['proposal_office'],
    element: <CategoryUnitsPage />,
    description: '每个提案类别建议的承办单位',
  },
  {
    path: 'office/routing',
    label: '历史数据与智能分办',
    icon: <ExperimentOutlined />,
    roles: ['proposal_office'],
    element: <RoutingPage />,
    description: '导入历史提案，学习类别和承办单位建议',
  },
  {
    path: 'unit/inbox',
    label: '承办单位收件箱',
    icon: <InboxOutlined />,
    roles: ['unit_handler', 'unit_leader'],
    element: <UnitInboxPage />,
    description: '交办给本单位的提案：签收、申请调整、交办通知',
  },
  // /handling/:assignmentId (the notifications link there) lives under this screen: the shell's screens have no
  // hidden flag, so the menu entry lists the signed-for assignments, each opening its handling page.
  {
    path: 'handling',
    label: '提案办理',
    icon: <FormOutlined />,
    roles: ['unit_handler', 'unit_leader', 'proposal_office'],
    element: <HandlingSection />,
    description: '已签收的交办件：沟通、会办、延期、答复与签发',
  },
  {
    path: 'supervision',
    label: '督办台账',
    icon: <AlertOutlined />,
    roles: ['proposal_office', 'supervisor', 'leader'],
    element: <SupervisionPage />,
    description: '办理中的交办件红黄绿灯、按紧急程度排序、一键催办',
  },
  {
    path: 'statistics',
    label: '统计分析',
    icon: <BarChartOutlined />,
    roles: ['proposal_office', 'supervisor', 'leader'],
    element: <StatisticsPage />,
    description: '立案率、办复率、按期办复率、满意率、见面率，图表与 Excel、Word 导出',
  },
  {
    path: 'office/publication',
    label: '公开审核',
    icon: <CloudUploadOutlined />,
    roles: ['proposal_office'],
    element: <PublicationPage />,
    description: '答复后的提案：公开、部分公开或不公开，批量公开到公众门户',
  },
  {
    path: 'office/archive',
    label: '会议归档',
    icon: <DatabaseOutlined />,
    roles: ['proposal_office'],
    element: <ArchivePage />,
    description: '归档已结束的会议（提案转为只读）并下载归档包',
  },
];
