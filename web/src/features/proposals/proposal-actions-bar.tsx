/**
 * The action buttons of the proposal detail: exactly the actions the server lists in `proposal.actions`. The
 * proposer's actions are handled here; the office's open their dialog from `officeActionForms`, and an action
 * without a dialog shows as a disabled button that says so.
 */
import { Button, Form, Input, Modal, Space, Tooltip } from 'antd';
import { type ComponentType, useState } from 'react';
import { useNavigate } from 'react-router';
import type { Proposal } from '../../../../contracts/proposals.ts';
import { useText } from '../../lib/i18n.tsx';
import { type OfficeActionFormProps, officeActionForms } from '../review/office-action-forms.tsx';
import { CoSignersPanel } from './co-signers-panel.tsx';
import { useAdoptProposal, useWithdrawProposal } from './proposals-api.ts';
import { useSubmitFlow } from './submit-flow.ts';

/** The element id of the supplements card, which 补充材料 scrolls to. */
export const SUPPLEMENTS_ANCHOR = 'proposal-supplements';
/** The element id of the co-signers card; 邀请联名 scrolls to it when the page shows it, else opens a dialog. */
export const CO_SIGNERS_ANCHOR = 'proposal-co-signers';

/** Scrolls to an element of the page; false when the page does not show it. */
function scrollTo(id: string): boolean {
  const element = document.getElementById(id);
  if (!element) return false;
  element.scrollIntoView({ behavior: 'smooth', block: 'start' });
  return true;
}

/** The buttons, in the order the server lists them; writing actions first as primary where it matters. */
export function ProposalActionsBar(props: {
  proposal: Proposal;
  ok: (text: string) => void;
  fail: (error: unknown) => void;
  block?: boolean;
}) {
  const { proposal, ok, fail } = props;
  const t = useText();
  const navigate = useNavigate();
  const adopt = useAdoptProposal();
  const withdraw = useWithdrawProposal();
  const [withdrawForm] = Form.useForm<{ reason?: string }>();
  const [dialog, setDialog] = useState<string | null>(null);
  const submit = useSubmitFlow({
    proposal,
    onSubmitted: () => ok('提案已提交'),
    onError: fail,
  });

  const runWithdraw = async () => {
    const values = await withdrawForm.validateFields();
    try {
      await withdraw.mutateAsync({ id: proposal.id, version: proposal.version, reason: values.reason?.trim() || undefined });
      setDialog(null);
      withdrawForm.resetFields();
      ok('提案已撤回');
    } catch (error) {
      fail(error);
    }
  };

  const buttons = proposal.actions.map(({ action, label }) => {
    const name = t(label);
    switch (action) {
      case 'edit':
        return (
          <Button key={action} onClick={() => navigate(`/proposals/${proposal.id}/edit`)}>
            {name}
          </Button>
        );
      case 'submit':
        return (
          <Button key={action} type="primary" loading={submit.submitting} onClick={submit.start}>
            {name}
          </Button>
        );
      case 'withdraw':
        return (
          <Button key={action} danger onClick={() => setDialog('withdraw')}>
            {name}
          </Button>
        );
      case 'invite_co_signers':
        return (
          <Button key={action} onClick={() => scrollTo(CO_SIGNERS_ANCHOR) || setDialog('invite_co_signers')}>
            {name}
          </Button>
        );
      case 'add_supplement':
        return (
          <Button key={action} onClick={() => scrollTo(SUPPLEMENTS_ANCHOR)}>
            {name}
          </Button>
        );
      default: {
        const OfficeForm = officeActionForms[action];
        if (!OfficeForm) {
          return (
            <Tooltip key={action} title={t('此操作暂不能在本页办理')}>
              <Button disabled>{name}</Button>
            </Tooltip>
          );
        }
        return (
          <Button
            key={action}
            type={action === 'file' || action === 'assign' ? 'primary' : 'default'}
            danger={action === 'reject'}
            onClick={() => setDialog(action)}
          >
            {name}
          </Button>
        );
      }
    }
  });

  const OfficeForm: ComponentType<OfficeActionFormProps> | undefined = dialog ? officeActionForms[dialog] : undefined;
  if (buttons.length === 0) return null;
  return (
    <>
      <Space wrap style={props.block ? { width: '100%' } : undefined}>
        {buttons}
      </Space>
      {OfficeForm && dialog ? (
        <OfficeForm
          proposal={proposal}
          open
          onClose={() => setDialog(null)}
          onDone={(updated) => {
            adopt(updated);
            setDialog(null);
          }}
        />
      ) : null}
      <Modal
        open={dialog === 'withdraw'}
        title={t('撤回提案')}
        okText={t('确认撤回')}
        okButtonProps={{ danger: true, loading: withdraw.isPending }}
        cancelText={t('取消')}
        onOk={runWithdraw}
        onCancel={() => setDialog(null)}
        destroyOnHidden
      >
        <p>{t('撤回后提案不再进入审查，也不能恢复。')}</p>
        <Form form={withdrawForm} layout="vertical">
          <Form.Item name="reason" label={t('撤回理由（可选）')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={dialog === 'invite_co_signers'}
        title={t('邀请联名')}
        footer={null}
        onCancel={() => setDialog(null)}
        destroyOnHidden
      >
        <CoSignersPanel proposal={proposal} onChanged={adopt} ok={ok} fail={fail} />
      </Modal>
    </>
  );
}
