/** The frame the office's action dialogs share: a modal with the proposal's title, an error line, and the submit. */
import { Alert, type FormInstance, Modal, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import type { Proposal } from '../../../../contracts/proposals.ts';
import { errorMessage, isVersionConflict } from '../../pages/admin/shared/admin-api.ts';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { showServerFieldErrors } from '../../pages/admin/shared/admin-ui.tsx';
import { type ReviewAction, useProposalAction } from './review-api.ts';

/** The message of a failed action: a version conflict says the proposal changed meanwhile. */
export function actionErrorText(error: unknown): string {
  if (isVersionConflict(error)) return '该提案已被他人处理或修改，请关闭后刷新再试';
  return errorMessage(error);
}

/** Sends one action of the proposal and reports the outcome (field errors under the fields, others above). */
export function useActionSubmit(proposal: Proposal, action: ReviewAction | 'assign', onDone: (proposal: Proposal) => void) {
  const run = useProposalAction();
  const [error, setError] = useState<string | null>(null);
  const submit = async (body: unknown, form?: FormInstance, fieldNames: readonly string[] = []) => {
    setError(null);
    try {
      const updated = await run.mutateAsync({ id: proposal.id, version: proposal.version, action, body });
      onDone(updated);
    } catch (failure) {
      if (form) showServerFieldErrors(form, fieldNames, failure);
      setError(actionErrorText(failure));
    }
  };
  return { submit, pending: run.isPending, error, clearError: () => setError(null) };
}

/** A modal for one action on one proposal. */
export function ActionDialog(props: {
  open: boolean;
  title: string;
  proposal: Proposal;
  okText: string;
  danger?: boolean;
  pending: boolean;
  error: string | null;
  okDisabled?: boolean;
  width?: number;
  onOk: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <Modal
      open={props.open}
      title={t(props.title)}
      okText={t(props.okText)}
      cancelText={t('取消')}
      okButtonProps={{ danger: props.danger, disabled: props.okDisabled }}
      confirmLoading={props.pending}
      onOk={props.onOk}
      onCancel={props.onClose}
      width={props.width}
      destroyOnHidden
      maskClosable={false}
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {props.proposal.number ? `${t('第')}${props.proposal.number}${t('号')} · ` : ''}
        {t(props.proposal.title)}
      </Typography.Paragraph>
      {props.error ? <Alert type="error" showIcon title={t(props.error)} style={{ marginBottom: 12 }} /> : null}
      {props.children}
    </Modal>
  );
}
