/** 延期申请 of one assignment: the requests and decisions, and the "申请延期" form (new date ≤ the cap, reason). */
import { ClockCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Form, Input, List, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Extension } from '../../../../contracts/handling.ts';
import { errorMessage } from '../../lib/api.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { showServerFieldErrors } from '../../pages/admin/shared/admin-ui.tsx';
import { BoundedDateField } from './bounded-date-field.tsx';
import { useRequestExtension, useSubmissionKey } from './handling-api.ts';

/** The tag colour of an extension state. */
export function extensionStateColor(state: string): string {
  if (state === 'approved') return 'green';
  if (state === 'refused') return 'red';
  return 'orange';
}

/** The day after a business date (the earliest a new due date may be). */
function dayAfter(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
}

/** The card; the button shows while the unit may ask. */
export function ExtensionsCard(props: {
  assignmentId: string;
  dueOn: string;
  extensions: Extension[];
  canRequest: boolean;
  latestOn: string;
  onDone: (message: string) => void;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  if (!props.canRequest && props.extensions.length === 0) return null;
  return (
    <Card
      size="small"
      title={t('延期申请')}
      extra={
        props.canRequest ? (
          <Button size="small" icon={<ClockCircleOutlined />} onClick={() => setOpen(true)}>
            {t('申请延期')}
          </Button>
        ) : null
      }
    >
      {props.extensions.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('未申请延期')} />
      ) : (
        <List
          size="small"
          dataSource={props.extensions}
          renderItem={(item) => (
            <List.Item>
              <Flex vertical gap={2} style={{ width: '100%' }}>
                <Flex gap={8} wrap align="center">
                  <Tag color={extensionStateColor(item.state)}>{t(item.stateName)}</Tag>
                  <Typography.Text>
                    {formatDate(item.previousDueOn)} → <Typography.Text strong>{formatDate(item.requestedDueOn)}</Typography.Text>
                  </Typography.Text>
                </Flex>
                <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{t(item.reason)}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: '0.9em' }}>
                  {t('申请于')} {formatDateTime(item.requestedAt)}
                  {item.decidedAt ? ` · ${t('审批于')} ${formatDateTime(item.decidedAt)}` : ''}
                </Typography.Text>
                {item.decisionReason ? (
                  <Typography.Text type="secondary">
                    {t('提案委意见')}：{t(item.decisionReason)}
                  </Typography.Text>
                ) : null}
              </Flex>
            </List.Item>
          )}
        />
      )}
      <ExtensionDialog
        open={open}
        assignmentId={props.assignmentId}
        dueOn={props.dueOn}
        latestOn={props.latestOn}
        onClose={() => setOpen(false)}
        onDone={() => {
          setOpen(false);
          props.onDone('已提交延期申请，等待提案委审批');
        }}
      />
    </Card>
  );
}

/** The "申请延期" form in a modal. */
function ExtensionDialog(props: {
  open: boolean;
  assignmentId: string;
  dueOn: string;
  latestOn: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<{ requestedDueOn?: string | null; reason?: string }>();
  const ask = useRequestExtension(props.assignmentId);
  const submission = useSubmissionKey();
  const [error, setError] = useState<string | null>(null);
  const ok = async () => {
    const values = await form.validateFields();
    setError(null);
    try {
      await ask.mutateAsync({
        body: { requestedDueOn: values.requestedDueOn as string, reason: (values.reason ?? '').trim() },
        idempotencyKey: submission.key(),
      });
      submission.done();
      props.onDone();
    } catch (failure) {
      showServerFieldErrors(form, ['requestedDueOn', 'reason'], failure);
      setError(errorMessage(failure));
    }
  };
  return (
    <Modal
      open={props.open}
      title={t('申请延期')}
      okText={t('提交申请')}
      cancelText={t('取消')}
      confirmLoading={ask.isPending}
      destroyOnHidden
      maskClosable={false}
      onOk={ok}
      onCancel={() => {
        setError(null);
        props.onClose();
      }}
    >
      <Typography.Paragraph type="secondary">
        {t('当前答复期限')} {formatDate(props.dueOn)}；{t('延期后的期限最晚为')} {formatDate(props.latestOn)}
        {t('（自交办之日起累计不超过规定期限）。')}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="requestedDueOn" label={t('延期至')} rules={[{ required: true, message: t('请选择延期后的答复期限') }]}>
          <BoundedDateField min={dayAfter(props.dueOn)} max={props.latestOn} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('延期理由')}
          rules={[{ required: true, whitespace: true, message: t('请填写延期理由') }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount placeholder={t('例如：涉及多部门协调，需延长办理时间')} />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title={t(error)} /> : null}
    </Modal>
  );
}
