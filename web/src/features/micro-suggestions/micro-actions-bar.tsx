/**
 * The action buttons of a micro-suggestion: exactly the actions the server lists in `item.actions` for this user.
 * The member's (修改, 提交, 报告办理结果) act on the page; the office's open their dialog. The handling engine's
 * moves (record_reply, reopen, resolve) have no button.
 */
import { Button, Popconfirm, Space } from 'antd';
import { type ComponentType, useState } from 'react';
import { useNavigate } from 'react-router';
import type { MicroSuggestion } from '../../../../contracts/micro-suggestions.ts';
import { usePhone } from '../../app/use-phone.ts';
import { errorMessage, newIdempotencyKey } from '../../lib/api.ts';
import { useText } from '../../lib/i18n.tsx';
import type { MicroDialogProps } from './micro-action-dialog.tsx';
import { useAdoptMicro, useMicroAction } from './micro-api.ts';
import { PublishDialog } from './micro-publish-dialog.tsx';
import {
  AcceptDialog,
  ConvertDialog,
  DeclineDialog,
  MergeDialog,
  TakeOnDialog,
  UnpublishDialog,
} from './micro-review-dialogs.tsx';
import { TransferDialog } from './micro-transfer-dialog.tsx';

/** The element id of the member's result form, which 报告办理结果 scrolls to. */
export const REPORT_ANCHOR = 'micro-report';

/** The dialogs of the office's actions. */
const dialogs: Record<string, ComponentType<MicroDialogProps>> = {
  accept: AcceptDialog,
  decline: DeclineDialog,
  merge: MergeDialog,
  convert: ConvertDialog,
  transfer: TransferDialog,
  take_on: TakeOnDialog,
  publish: PublishDialog,
  unpublish: UnpublishDialog,
};

/** Actions the engine takes, never a button. */
const engineActions = new Set(['record_reply', 'reopen', 'resolve']);
/** Actions shown as the primary button. */
const primaryActions = new Set(['submit', 'accept', 'transfer', 'publish', 'report_result']);
/** Actions shown as danger buttons. */
const dangerActions = new Set(['decline', 'unpublish']);

/** The buttons. */
export function MicroActionsBar(props: { item: MicroSuggestion; ok: (text: string) => void; fail: (error: unknown) => void }) {
  const { item, ok, fail } = props;
  const t = useText();
  const phone = usePhone();
  const navigate = useNavigate();
  const adopt = useAdoptMicro();
  const action = useMicroAction();
  const [open, setOpen] = useState<string | null>(null);
  const [submitKey] = useState(newIdempotencyKey);

  const submit = async () => {
    try {
      await action.mutateAsync({ id: item.id, version: item.version, action: 'submit', idempotencyKey: submitKey });
      ok('微建议已提交，提案委将尽快受理');
    } catch (error) {
      fail(new Error(errorMessage(error)));
    }
  };

  const buttons = item.actions
    .filter((entry) => !engineActions.has(entry.action))
    .map(({ action: name, label }) => {
      const text = t(label);
      const type = primaryActions.has(name) ? 'primary' : 'default';
      if (name === 'edit') {
        return (
          <Button key={name} onClick={() => navigate(`/micro-suggestions/${item.id}/edit`)}>
            {text}
          </Button>
        );
      }
      if (name === 'submit') {
        return (
          <Popconfirm
            key={name}
            title={t('提交这件微建议？')}
            description={t('提交后内容不能再修改。')}
            okText={t('提交')}
            cancelText={t('取消')}
            onConfirm={submit}
          >
            <Button type="primary" loading={action.isPending}>
              {text}
            </Button>
          </Popconfirm>
        );
      }
      if (name === 'report_result') {
        return (
          <Button
            key={name}
            type="primary"
            onClick={() => document.getElementById(REPORT_ANCHOR)?.scrollIntoView({ behavior: 'smooth', block: 'start' })}
          >
            {text}
          </Button>
        );
      }
      if (!dialogs[name]) return null;
      return (
        <Button key={name} type={type} danger={dangerActions.has(name)} onClick={() => setOpen(name)}>
          {text}
        </Button>
      );
    })
    .filter(Boolean);

  if (buttons.length === 0) return null;
  const Dialog = open ? dialogs[open] : undefined;
  return (
    <>
      <Space wrap size={phone ? 8 : 'small'}>
        {buttons}
      </Space>
      {Dialog ? (
        <Dialog
          item={item}
          open
          onClose={() => setOpen(null)}
          onDone={(updated, message) => {
            adopt(updated);
            setOpen(null);
            ok(message);
          }}
        />
      ) : null}
    </>
  );
}
