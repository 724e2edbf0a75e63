/**
 * 会办意见: for a lead unit, the co-handlers' opinions and who is still awaited; for a co-handler, its own opinion
 * or the form to send it (once; a late one is taken and marked late).
 */
import { Alert, Button, Card, Empty, Flex, Form, Input, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { CoOpinion } from '../../../../contracts/handling.ts';
import { errorMessage } from '../../lib/api.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { showServerFieldErrors } from '../../pages/admin/shared/admin-ui.tsx';
import { daysLeftText } from '../assignments/due-status.ts';
import { useSendCoOpinion, useSubmissionKey } from './handling-api.ts';

/** The opinions received, as a list. */
function OpinionList({ opinions }: { opinions: CoOpinion[] }) {
  const t = useT();
  return (
    <List
      size="small"
      dataSource={opinions}
      renderItem={(opinion) => (
        <List.Item>
          <Flex vertical gap={2} style={{ width: '100%' }}>
            <Flex gap={8} wrap align="center">
              <Typography.Text strong>{t(opinion.unitName)}</Typography.Text>
              {opinion.late ? <Tag color="red">{t('逾期提交')}</Tag> : <Tag color="green">{t('按期提交')}</Tag>}
              <Typography.Text type="secondary" style={{ fontSize: '0.9em' }}>
                {t(opinion.sentByName)} · {formatDateTime(opinion.sentAt)}
              </Typography.Text>
            </Flex>
            <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{t(opinion.text)}</Typography.Text>
          </Flex>
        </List.Item>
      )}
    />
  );
}

/** The lead unit's view: opinions in, co-handlers awaited with their due dates. */
export function LeadCoOpinionsCard(props: { opinions: CoOpinion[]; awaiting: { unitName: string; dueOn: string }[] }) {
  const t = useT();
  if (props.opinions.length === 0 && props.awaiting.length === 0) return null;
  return (
    <Card size="small" title={t('会办单位意见')}>
      {props.awaiting.length > 0 ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          title={t('尚待以下会办单位提出意见（收到意见或期限届满后方可送签）')}
          description={
            <Flex vertical gap={2}>
              {props.awaiting.map((unit) => (
                <span key={unit.unitName}>
                  {t(unit.unitName)}：{formatDate(unit.dueOn)} {t('前')}（{t(daysLeftText(unit.dueOn))}）
                </span>
              ))}
            </Flex>
          }
        />
      ) : null}
      {props.opinions.length > 0 ? <OpinionList opinions={props.opinions} /> : null}
    </Card>
  );
}

/** The co-handler's view: its opinion, or the form while it may send one. */
export function CoHandlerOpinionCard(props: {
  assignmentId: string;
  opinions: CoOpinion[];
  canSend: boolean;
  dueOn: string;
  onDone: (message: string) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<{ text: string }>();
  const send = useSendCoOpinion(props.assignmentId);
  const submission = useSubmissionKey();
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const values = await form.validateFields();
    setError(null);
    try {
      await send.mutateAsync({ text: values.text.trim(), idempotencyKey: submission.key() });
      submission.done();
      form.resetFields();
      props.onDone('会办意见已送主办单位');
    } catch (failure) {
      showServerFieldErrors(form, ['text'], failure);
      setError(errorMessage(failure));
    }
  };
  return (
    <Card size="small" title={t('会办意见')}>
      {props.opinions.length > 0 ? <OpinionList opinions={props.opinions} /> : null}
      {props.canSend ? (
        <Form form={form} layout="vertical">
          <Typography.Paragraph type="secondary">
            {t('会办单位向主办单位提出会办意见，由主办单位统一答复提案人。请于')} {formatDate(props.dueOn)}{' '}
            {t('前提出（逾期仍可提交，将标明逾期）。')}
          </Typography.Paragraph>
          <Form.Item
            name="text"
            label={t('会办意见')}
            rules={[{ required: true, whitespace: true, message: t('请填写会办意见') }]}
          >
            <Input.TextArea autoSize={{ minRows: 5, maxRows: 14 }} maxLength={8000} showCount />
          </Form.Item>
          {error ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={t(error)} /> : null}
          <Button type="primary" loading={send.isPending} onClick={submit}>
            {t('提出会办意见')}
          </Button>
        </Form>
      ) : props.opinions.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('尚未提出会办意见')} />
      ) : null}
    </Card>
  );
}
