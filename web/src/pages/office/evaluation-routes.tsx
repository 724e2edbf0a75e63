import { StarOutlined, TrophyOutlined, UsergroupAddOutlined } from '@ant-design/icons';
import type { AdminRoute } from '../admin/admin-routes.tsx';
import { AppraisalsPage } from './appraisals-page.tsx';
import { AwardsPage } from './awards-page.tsx';
import { KeyProposalsPage } from './key-proposals-page.tsx';

/**
 * The screens of evaluation and recognition: key proposals with their supervision and leaders' instructions, the
 * standing committee's appraisal of units, and the yearly awards. Roles are those the server lets read each.
 */
export const evaluationScreens: AdminRoute[] = [
  {
    path: 'office/key-proposals',
    label: '重点提案',
    icon: <StarOutlined />,
    roles: ['proposal_office', 'supervisor', 'leader'],
    element: <KeyProposalsPage />,
    description: '重点提案推荐、遴选、督办领导、督办活动与领导批示',
  },
  {
    path: 'office/appraisals',
    label: '民主评议',
    icon: <UsergroupAddOutlined />,
    // Members: standing committee members score (the server checks 常委; other members see why they cannot).
    roles: ['proposal_office', 'leader', 'supervisor', 'member'],
    element: <AppraisalsPage />,
    description: '组织民主评议、常委为承办单位评分、评议结果与公布',
  },
  {
    path: 'office/awards',
    label: '表彰',
    icon: <TrophyOutlined />,
    roles: ['proposal_office', 'leader', 'supervisor'],
    element: <AwardsPage />,
    description: '各年度优秀提案和提案办理先进单位',
  },
];
