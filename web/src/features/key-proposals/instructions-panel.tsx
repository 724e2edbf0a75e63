/** 领导批示: the leaders' instructions on one proposal, and (for the office and leaders) the form to record one. */
import { Alert, Button, Empty, Flex, Form, Input, List, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { errorMessage } from '../../pages/admin/shared/admin-api.ts';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { showServerFieldErrors } from '../../pages/admin/shared/admin-ui.tsx';
import { useSubmissionKey } from '../handling/handling-api.ts';
import { todayInChina } from '../orgs/calendar-grid.ts';
import { DateField } from '../orgs/date-field.tsx';
import { type InstructionInput, useInstructions, useRecordInstruction } from './key-proposals-api.ts';

const FIELDS = ['leaderName', 'instructedOn', 'text'] as const;

/** The form that records an instruction on the proposal. */
function InstructionForm(props: { proposalId: string; onDone: (message: string) => void }) {
  const t = useT();
  const [form] = Form.useForm<InstructionInput>();
  const record = useRecordInstruction(props.proposalId);
  const submission = useSubmissionKey();
  const [error, setError] = useState<string | null>(null);
  const save = async (values: InstructionInput) => {
    setError(null);
    try {
      await record.mutateAsync({
        body: { leaderName: values.leaderName.trim(), instructedOn: values.instructedOn, text: values.text.trim() },
        idempotencyKey: submission.key(),
      });
      submission.done();
      form.resetFields();
      props.onDone('已记录领导批示');
    } catch (failure) {
      if (!showServerFieldErrors(form, FIELDS, failure)) setError(errorMessage(failure));
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={save} initialValues={{ instructedOn: todayInChina() }}>
      <Flex wrap gap={12}>
        <Form.Item
          name="leaderName"
          label={t('批示领导')}
          style={{ flex: '1 1 200px', marginBottom: 12 }}
          rules={[{ required: true, whitespace: true, message: t('请填写批示领导') }]}
        >
          <Input maxLength={50} placeholder={t('如：王市长')} />
        </Form.Item>
        <Form.Item
          name="instructedOn"
          label={t('批示日期')}
          style={{ flex: '1 1 160px', marginBottom: 12 }}
          rules={[{ required: true, message: t('请选择批示日期') }]}
        >
          <DateField allowClear={false} />
        </Form.Item>
      </Flex>
      <Form.Item name="text" label={t('批示内容')} rules={[{ required: true, whitespace: true, message: t('请填写批示内容') }]}>
        <Input.TextArea rows={3} maxLength={4000} showCount />
      </Form.Item>
      {error ? <Alert type="error" showIcon title={t(error)} style={{ marginBottom: 12 }} /> : null}
      <Button type="primary" htmlType="submit" loading={record.isPending}>
        {t('记录批示')}
      </Button>
    </Form>
  );
}

/** The list of a proposal's instructions, with the form when `canRecord`. */
export function InstructionsPanel(props: { proposalId: string; canRecord: boolean; onDone: (message: string) => void }) {
  const t = useT();
  const { data, isLoading, error } = useInstructions(props.proposalId);
  return (
    <Flex vertical gap={16}>
      {isLoading ? <Skeleton active paragraph={{ rows: 2 }} /> : null}
      {error ? <Alert type="warning" showIcon title={t(errorMessage(error))} /> : null}
      {data && data.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('暂无领导批示')} /> : null}
      {data && data.length > 0 ? (
        <List
          size="small"
          dataSource={data}
          rowKey="id"
          renderItem={(item) => (
            <List.Item style={{ paddingInline: 0 }}>
              <Flex vertical gap={4} style={{ width: '100%' }}>
                <Typography.Text strong>
                  {t(item.leaderName)} · {formatDate(item.instructedOn)}
                </Typography.Text>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{t(item.text)}</Typography.Paragraph>
                <Typography.Text type="secondary">
                  {t('记录人')}：{t(item.recordedByName)} · {formatDateTime(item.createdAt)}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      ) : null}
      {props.canRecord ? <InstructionForm proposalId={props.proposalId} onDone={props.onDone} /> : null}
    </Flex>
  );
}
