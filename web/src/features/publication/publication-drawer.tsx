/**
 * The office's review of one proposal before publishing: the public text as the portal would show it (contact
 * details and personal data already removed), what was removed, why it may not be published, and the decision —
 * 公开, 部分公开 (the office edits the text, which is redacted again) or 不公开 (with a reason kept in the record).
 */
import { Alert, Button, Descriptions, Drawer, Flex, Form, Input, Radio, Skeleton, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { proposalFieldLabels } from '../../../../contracts/proposals.ts';
import type { PublicationDecision } from '../../../../contracts/publication.ts';
import { errorMessage } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { useText } from '../../lib/i18n.tsx';
import { useDecidePublication, usePublicationPreview } from './publication-api.ts';
import { decisionName, removedSummary } from './publication-rules.ts';

type FormValues = {
  decision: PublicationDecision;
  reason?: string;
  background?: string;
  suggestions?: string;
  replies?: Record<string, string>;
};

/** The drawer; `proposalId` null closes it. `onDone` gets the decision's name after it is recorded. */
export function PublicationDrawer(props: {
  proposalId: string | null;
  title: string;
  width: number | string;
  onClose: () => void;
  onDone: (text: string) => void;
}) {
  const t = useText();
  const preview = usePublicationPreview(props.proposalId);
  const decide = useDecidePublication();
  const [form] = Form.useForm<FormValues>();
  const decision = Form.useWatch('decision', form);
  const data = preview.data;

  useEffect(() => {
    if (!data) return;
    form.setFieldsValue({
      decision: data.decision ?? (data.refusal ? 'not_published' : 'published'),
      reason: undefined,
      background: data.text.background,
      suggestions: data.text.suggestions,
      replies: Object.fromEntries(data.text.replies.map((reply) => [reply.replyId, reply.text])),
    });
  }, [data, form]);

  const submit = async (values: FormValues) => {
    if (!data || !props.proposalId) return;
    try {
      await decide.mutateAsync({
        proposalId: props.proposalId,
        version: data.version,
        decision: values.decision,
        reason: values.reason?.trim() || undefined,
        text:
          values.decision === 'partly_published'
            ? {
                background: values.background,
                suggestions: values.suggestions,
                replies: Object.entries(values.replies ?? {}).map(([replyId, text]) => ({ replyId, text })),
              }
            : undefined,
      });
      props.onDone(`${decisionName(values.decision)}：${props.title}`);
    } catch (error) {
      form.setFields([{ name: 'decision', errors: [t(errorMessage(error))] }]);
    }
  };

  const removed = data ? removedSummary(data.removed) : null;
  const editing = decision === 'partly_published';
  return (
    <Drawer
      open={props.proposalId !== null}
      onClose={props.onClose}
      size={props.width}
      title={`${t('公开审核')} · ${t(props.title)}`}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={props.onClose}>{t('取消')}</Button>
          <Button type="primary" loading={decide.isPending} disabled={!data} onClick={() => form.submit()}>
            {t('确定')}
          </Button>
        </Space>
      }
    >
      {preview.isLoading ? <Skeleton active /> : null}
      {preview.error ? <Alert type="error" title={t(errorMessage(preview.error))} /> : null}
      {data ? (
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <Flex vertical gap={12} style={{ marginBottom: 16 }}>
            {data.refusal ? <Alert type="warning" showIcon title={t(data.refusal.detail)} /> : null}
            {removed ? <Alert type="info" showIcon title={t(removed)} /> : null}
            {data.decision ? <Alert type="success" showIcon title={`${t('已决定')}：${t(decisionName(data.decision))}`} /> : null}
          </Flex>
          <Form.Item name="decision" label={t('公开决定')} rules={[{ required: true, message: t('请选择公开决定') }]}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={[
                { value: 'published', label: t('公开'), disabled: Boolean(data.refusal) },
                { value: 'partly_published', label: t('部分公开'), disabled: Boolean(data.refusal) },
                { value: 'not_published', label: t('不公开') },
              ]}
            />
          </Form.Item>
          {decision === 'not_published' || editing ? (
            <Form.Item
              name="reason"
              label={editing ? t('删减说明（仅内部留存）') : t('不公开理由（仅内部留存）')}
              rules={[{ max: 500, message: t('说明不能超过 500 个字符') }]}
            >
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} />
            </Form.Item>
          ) : null}
          <Typography.Title level={5}>{t('公开文本')}</Typography.Title>
          <Typography.Paragraph strong>{t(data.text.title)}</Typography.Paragraph>
          {editing ? (
            <>
              <Form.Item name="background" label={t(proposalFieldLabels.background)}>
                <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} />
              </Form.Item>
              <Form.Item name="suggestions" label={t(proposalFieldLabels.suggestions)}>
                <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} />
              </Form.Item>
            </>
          ) : (
            <Descriptions
              column={1}
              size="small"
              bordered
              items={[
                {
                  key: 'background',
                  label: t(proposalFieldLabels.background),
                  children: <PreText text={t(data.text.background)} />,
                },
                {
                  key: 'suggestions',
                  label: t(proposalFieldLabels.suggestions),
                  children: <PreText text={t(data.text.suggestions)} />,
                },
              ]}
            />
          )}
          {data.text.replies.map((reply) => (
            <div key={reply.replyId} style={{ marginTop: 16 }}>
              <Typography.Text strong>
                {t(reply.unitName)} · {t(reply.kind === 'follow_up' ? '后续办理情况' : `第 ${reply.round} 次答复`)}
                {reply.resultClassName ? ` · ${t(reply.resultClassName)}` : ''}
                {reply.sentOn ? ` · ${formatDate(reply.sentOn)}` : ''}
              </Typography.Text>
              {editing ? (
                <Form.Item name={['replies', reply.replyId]} style={{ marginTop: 8 }}>
                  <Input.TextArea autoSize={{ minRows: 4, maxRows: 16 }} aria-label={t('答复文本')} />
                </Form.Item>
              ) : (
                <PreText text={t(reply.text)} />
              )}
            </div>
          ))}
        </Form>
      ) : null}
    </Drawer>
  );
}

/** Text with its line breaks kept. */
function PreText({ text }: { text: string }) {
  return <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{text || '—'}</Typography.Paragraph>;
}
