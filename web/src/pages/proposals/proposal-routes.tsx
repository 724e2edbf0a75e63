import { FileTextOutlined } from '@ant-design/icons';
import { Route, Routes } from 'react-router';
import type { AdminRoute } from '../admin/admin-routes.tsx';
import { NotFoundPage } from '../not-found/not-found-page.tsx';
import { ProposalDetailPage } from './proposal-detail-page.tsx';
import { ProposalEditorPage } from './proposal-editor-page.tsx';
import { ProposalsListPage } from './proposals-list-page.tsx';

/** The screens under /proposals: the list, the editor (new, edit) and the shared detail. */
function ProposalsSection() {
  return (
    <Routes>
      <Route index element={<ProposalsListPage />} />
      <Route path="new" element={<ProposalEditorPage />} />
      <Route path=":id" element={<ProposalDetailPage />} />
      <Route path=":id/edit" element={<ProposalEditorPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

/**
 * The proposal screens of members (my proposals, writing, co-signing inbox) and the proposal detail. The detail
 * is shared with the office and the handling units (and supervisors and leaders, who read filed proposals), so
 * those roles may open /proposals too; the server decides which proposals each may read.
 */
export const proposalScreens: AdminRoute[] = [
  {
    path: 'proposals',
    label: '我的提案',
    icon: <FileTextOutlined />,
    roles: ['member', 'proposal_office', 'unit_handler', 'unit_leader', 'supervisor', 'leader'],
    element: <ProposalsSection />,
    description: '写提案、联名、查看办理进度',
  },
];
