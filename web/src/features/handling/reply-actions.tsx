/**
 * The buttons of a reply's workflow actions, exactly those the server lists in `reply.actions`: 送领导签发, 签发,
 * 签发并答复 (after a confirmation), 退回修改 (with a reason) and the office's 审核通过并答复 (with an optional class
 * change). Each posts with If-Match: the reply's version; a failure shows the server's message.
 */
import { Alert, Button, Flex, Form, Input, Modal, Popconfirm, Select, Typography } from 'antd';
import { useState } from 'react';
import type { Reply, ReplyAction } from '../../../../contracts/handling.ts';
import { errorMessage, isVersionConflict } from '../../pages/admin/shared/admin-api.ts';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { useHandlingView, useReplyAction } from './handling-api.ts';
import {
  type ResultClassOption,
  replyActionDone,
  replyActionLooks,
  replyActionNames,
  replyActionQuestions,
} from './reply-rules.ts';

/** The message of a failed reply action: a version conflict says the reply changed meanwhile. */
export function replyFailureText(error: unknown): string {
  if (isVersionConflict(error)) return '这份答复已被他人处理或修改，页面已刷新，请确认后重试';
  return errorMessage(error);
}

/** The buttons; `onDone` gets the success message, `onError` the failure text (null clears it). */
export function ReplyActions(props: {
  reply: Reply;
  resultClasses?: readonly ResultClassOption[];
  onDone: (message: string) => void;
  onError: (text: string | null) => void;
}) {
  const t = useT();
  const { reply } = props;
  const run = useReplyAction();
  const [running, setRunning] = useState<ReplyAction | null>(null);
  const [dialog, setDialog] = useState<'reason' | 'release' | null>(null);

  const act = async (action: ReplyAction, body?: object): Promise<boolean> => {
    setRunning(action);
    props.onError(null);
    try {
      await run.mutateAsync({ id: reply.id, version: reply.version, action, body });
      props.onDone(replyActionDone[action]);
      return true;
    } catch (error) {
      props.onError(replyFailureText(error));
      return false;
    } finally {
      setRunning(null);
    }
  };

  if (reply.actions.length === 0) return null;
  return (
    <Flex wrap gap={8}>
      {reply.actions.map((item) => {
        const action = item.action as ReplyAction;
        const look = replyActionLooks[action];
        if (!look) return null;
        const label = t(item.label || replyActionNames[action]);
        const button = (
          <Button
            key={action}
            type={look.primary ? 'primary' : 'default'}
            danger={look.danger}
            loading={running === action}
            onClick={look.dialog === 'none' ? undefined : () => setDialog(look.dialog === 'reason' ? 'reason' : 'release')}
          >
            {label}
          </Button>
        );
        if (look.dialog !== 'none') return button;
        return (
          <Popconfirm
            key={action}
            title={label}
            description={<div style={{ maxWidth: 280 }}>{t(replyActionQuestions[action] ?? '确认执行此操作？')}</div>}
            okText={t('确认')}
            cancelText={t('取消')}
            onConfirm={() => act(action)}
          >
            {button}
          </Popconfirm>
        );
      })}
      <ReturnDialog
        open={dialog === 'reason'}
        reply={reply}
        pending={running === 'return'}
        onClose={() => setDialog(null)}
        onSubmit={async (reason) => {
          if (await act('return', { reason })) setDialog(null);
        }}
      />
      <ReleaseDialog
        open={dialog === 'release'}
        reply={reply}
        resultClasses={props.resultClasses}
        pending={running === 'release'}
        onClose={() => setDialog(null)}
        onSubmit={async (resultClass) => {
          if (await act('release', resultClass ? { resultClass } : {})) setDialog(null);
        }}
      />
    </Flex>
  );
}

/** 退回修改: asks why (required). */
function ReturnDialog(props: {
  open: boolean;
  reply: Reply;
  pending: boolean;
  onClose: () => void;
  onSubmit: (reason: string) => Promise<void>;
}) {
  const t = useT();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={props.open}
      title={t('退回修改')}
      okText={t('退回')}
      cancelText={t('取消')}
      okButtonProps={{ danger: true }}
      confirmLoading={props.pending}
      destroyOnHidden
      maskClosable={false}
      onCancel={props.onClose}
      onOk={async () => {
        const values = await form.validateFields();
        await props.onSubmit(values.reason.trim());
      }}
    >
      <Typography.Paragraph type="secondary">
        {t(props.reply.unitName)} · {t('答复将退回经办人修改，请写明需要修改的地方。')}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="reason"
          label={t('退回理由')}
          rules={[{ required: true, whitespace: true, message: t('请填写退回理由') }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount placeholder={t('例如：请补充资金安排和完成时限')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 审核通过并答复: the office may change the class the unit gave. */
function ReleaseDialog(props: {
  open: boolean;
  reply: Reply;
  resultClasses?: readonly ResultClassOption[];
  pending: boolean;
  onClose: () => void;
  onSubmit: (resultClass: string | undefined) => Promise<void>;
}) {
  const t = useT();
  const [form] = Form.useForm<{ resultClass?: string }>();
  // On the proposal page the classes are not at hand: read them from the assignment's handling view.
  const view = useHandlingView(props.open && !props.resultClasses ? props.reply.assignmentId : undefined);
  const classes = props.resultClasses ?? view.data?.resultClasses ?? [];
  const isReply = props.reply.kind === 'reply';
  return (
    <Modal
      open={props.open}
      title={t('审核通过并答复提案人')}
      okText={t('答复提案人')}
      cancelText={t('取消')}
      confirmLoading={props.pending}
      destroyOnHidden
      maskClosable={false}
      onCancel={props.onClose}
      onOk={async () => {
        const values = await form.validateFields();
        await props.onSubmit(values.resultClass !== props.reply.resultClass ? values.resultClass : undefined);
      }}
    >
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('审核通过后，答复即送达提案人，提案人可以评价。')} />
      {isReply ? (
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ resultClass: props.reply.resultClass ?? undefined }}
        >
          <Form.Item name="resultClass" label={t('答复类别')} extra={t('如承办单位所定类别不当，可在此调整')}>
            <Select
              loading={view.isFetching}
              options={classes.map((item) => ({ value: item.code, label: `${item.code} 类 · ${t(item.name)}` }))}
            />
          </Form.Item>
        </Form>
      ) : (
        <Form form={form} preserve={false} />
      )}
    </Modal>
  );
}
