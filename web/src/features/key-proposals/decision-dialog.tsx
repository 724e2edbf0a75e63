/**
 * The office's decision on a recommendation: 列入候选 (a confirmation), 确定为重点提案 (with the supervising
 * leaders, who are notified) or 不列入 (a reason is required). Sends the item's version as If-Match.
 */
import { Alert, Descriptions, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { KeyProposal, KeyProposalAction } from '../../../../contracts/key-proposals.ts';
import { errorMessage, isVersionConflict } from '../../pages/admin/shared/admin-api.ts';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { showServerFieldErrors } from '../../pages/admin/shared/admin-ui.tsx';
import { keyProposalActionNames, proposalLabel } from './key-proposal-rules.ts';
import { useKeyProposalDecision } from './key-proposals-api.ts';
import { SupervisorSelect } from './supervisor-select.tsx';

/** What the toast says after each decision. */
const doneMessages: Record<KeyProposalAction, string> = {
  shortlist: '已列入重点提案候选',
  approve: '已确定为重点提案，督办领导已收到通知',
  decline: '已不列入重点提案',
};

/** The dialog; `decision` is the item and the action chosen, or null when closed. */
export function DecisionDialog(props: {
  decision: { item: KeyProposal; action: KeyProposalAction } | null;
  known: readonly KeyProposal[];
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<{ supervisorIds?: string[]; reason?: string }>();
  const decide = useKeyProposalDecision();
  const [error, setError] = useState<string | null>(null);
  const decision = props.decision;
  const action = decision?.action;
  const ok = async () => {
    if (!decision) return;
    const values = await form.validateFields();
    setError(null);
    try {
      await decide.mutateAsync({
        id: decision.item.id,
        version: decision.item.version,
        action: decision.action,
        supervisorIds: values.supervisorIds,
        reason: values.reason?.trim(),
      });
      props.onDone(doneMessages[decision.action]);
    } catch (failure) {
      showServerFieldErrors(form, ['supervisorIds', 'reason'], failure);
      setError(isVersionConflict(failure) ? '该推荐已被他人处理，请关闭后刷新再试' : errorMessage(failure));
    }
  };
  return (
    <Modal
      open={decision !== null}
      title={t(action ? keyProposalActionNames[action] : '')}
      okText={t(action ? keyProposalActionNames[action] : '确定')}
      cancelText={t('取消')}
      okButtonProps={{ danger: action === 'decline' }}
      confirmLoading={decide.isPending}
      destroyOnHidden
      maskClosable={false}
      onOk={ok}
      onCancel={() => {
        setError(null);
        props.onClose();
      }}
    >
      {decision ? (
        <Descriptions size="small" column={1} style={{ marginBottom: 12 }} styles={{ label: { width: 96 } }}>
          <Descriptions.Item label={t('提案')}>{t(proposalLabel(decision.item))}</Descriptions.Item>
          <Descriptions.Item label={t('推荐方')}>{t(decision.item.recommenderName)}</Descriptions.Item>
          <Descriptions.Item label={t('推荐理由')}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} ellipsis={{ rows: 4, expandable: true }}>
              {t(decision.item.reason)}
            </Typography.Paragraph>
          </Descriptions.Item>
        </Descriptions>
      ) : null}
      <Form form={form} layout="vertical" preserve={false}>
        {action === 'approve' ? (
          <Form.Item
            name="supervisorIds"
            label={t('督办领导')}
            rules={[{ required: true, type: 'array', min: 1, message: t('请至少指定一位督办领导') }]}
          >
            <SupervisorSelect known={props.known} />
          </Form.Item>
        ) : null}
        {action === 'decline' ? (
          <Form.Item
            name="reason"
            label={t('不列入的理由')}
            rules={[{ required: true, whitespace: true, message: t('请填写不列入的理由') }]}
          >
            <Input.TextArea rows={3} maxLength={2000} showCount />
          </Form.Item>
        ) : null}
        {action === 'shortlist' ? (
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t('列入候选后，可再确定为重点提案或不列入。')}
          </Typography.Paragraph>
        ) : null}
      </Form>
      {error ? <Alert type="error" showIcon title={t(error)} /> : null}
    </Modal>
  );
}
