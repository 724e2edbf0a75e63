/** Opens an office action's dialog for a proposal known only by id (a row of a list): loads it, then shows the dialog. */
import { Modal, Spin } from 'antd';
import type { Proposal } from '../../../../contracts/proposals.ts';
import { errorMessage } from '../../pages/admin/shared/admin-api.ts';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { AssignDialog } from './assign-dialog.tsx';
import { MergeDialog } from './merge-dialog.tsx';
import { useProposal } from './review-api.ts';
import { ConvertDialog, FileDialog, RejectDialog, ReturnDialog } from './review-dialogs.tsx';

/** What to open: the proposal, the action, for a merge the target picked already, for 立案 the chosen category. */
export type PendingAction = { proposalId: string; action: string; targetId?: string; categoryId?: string };

/** The dialog of the pending action, once its proposal is loaded; a spinner or the error until then. */
export function ProposalActionHost(props: {
  pending: PendingAction | null;
  onClose: () => void;
  onDone: (proposal: Proposal) => void;
}) {
  const t = useT();
  const { data: proposal, error, isLoading } = useProposal(props.pending?.proposalId ?? null);
  if (!props.pending) return null;
  if (!proposal || proposal.id !== props.pending.proposalId) {
    return (
      <Modal open title={t('加载中')} footer={null} onCancel={props.onClose}>
        {isLoading ? <Spin /> : t(errorMessage(error))}
      </Modal>
    );
  }
  const common = { proposal, open: true, onClose: props.onClose, onDone: props.onDone };
  switch (props.pending.action) {
    case 'file':
      return <FileDialog {...common} initialCategoryId={props.pending.categoryId} />;
    case 'reject':
      return <RejectDialog {...common} />;
    case 'merge':
      return <MergeDialog {...common} initialTargetId={props.pending.targetId} />;
    case 'convert':
      return <ConvertDialog {...common} />;
    case 'return':
      return <ReturnDialog {...common} />;
    case 'assign':
      return <AssignDialog {...common} />;
    default:
      return null;
  }
}
