/** 催办: one button that opens a small dialog with an optional message and sends the reminder to the unit. */
import { BellOutlined } from '@ant-design/icons';
import { Button, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { BoardItem } from '../../../../contracts/supervision.ts';
import { newIdempotencyKey } from '../../lib/api.ts';
import { useText } from '../../lib/i18n.tsx';
import { canChase } from './board-labels.ts';
import { useSendReminder } from './supervision-api.ts';

const MESSAGE_MAX = 500;

/** The 催办 button of a board row; disabled once the unit has replied. */
export function ReminderButton(props: {
  item: BoardItem;
  size?: 'small' | 'middle';
  onSent: (item: BoardItem) => void;
  onFailed: (error: unknown) => void;
}) {
  const t = useText();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState('');
  // One key per opened dialog: a retried 发送 after a lost answer never sends twice.
  const [key, setKey] = useState(newIdempotencyKey);
  const send = useSendReminder();
  const chaseable = canChase(props.item.light);

  const submit = async () => {
    try {
      await send.mutateAsync({
        assignmentId: props.item.assignmentId,
        message: message.trim() || undefined,
        idempotencyKey: key,
      });
      setOpen(false);
      props.onSent(props.item);
    } catch (error) {
      props.onFailed(error);
    }
  };

  return (
    <>
      <Button
        size={props.size ?? 'small'}
        icon={<BellOutlined />}
        disabled={!chaseable}
        title={chaseable ? undefined : t('已答复，无需催办')}
        onClick={() => {
          setMessage('');
          setKey(newIdempotencyKey());
          setOpen(true);
        }}
      >
        {t('催办')}
      </Button>
      <Modal
        open={open}
        title={t('催办')}
        okText={t('发送催办')}
        cancelText={t('取消')}
        confirmLoading={send.isPending}
        onOk={submit}
        onCancel={() => setOpen(false)}
        destroyOnHidden
        width={480}
      >
        <Typography.Paragraph>
          {t('将提醒')} <Typography.Text strong>{t(props.item.unitName)}</Typography.Text> {t('抓紧办理：')}
          {t(props.item.proposalTitle)}
        </Typography.Paragraph>
        <Input.TextArea
          aria-label={t('催办说明')}
          placeholder={t('催办说明（可不填）')}
          value={message}
          maxLength={MESSAGE_MAX}
          showCount
          autoSize={{ minRows: 3, maxRows: 6 }}
          onChange={(event) => setMessage(event.target.value)}
        />
      </Modal>
    </>
  );
}
