import { Button, Card, Form, Input, List, Tag, Typography } from 'antd';
import type { Proposal } from '../../../../contracts/proposals.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useText } from '../../lib/i18n.tsx';
import { hasAction } from './proposal-labels.ts';
import { useAddSupplement } from './proposals-api.ts';

/** 补充材料: what the proposer added after submitting (the text itself stays as submitted), and the form to add more. */
export function SupplementsCard(props: {
  proposal: Proposal;
  ok: (text: string) => void;
  fail: (error: unknown) => void;
  formId?: string;
}) {
  const { proposal } = props;
  const t = useText();
  const [form] = Form.useForm<{ text: string }>();
  const add = useAddSupplement();
  const canAdd = hasAction(proposal, 'add_supplement');
  if (!canAdd && proposal.supplements.length === 0) return null;

  const send = async (values: { text: string }) => {
    try {
      await add.mutateAsync({ id: proposal.id, text: values.text.trim() });
      form.resetFields();
      props.ok('已追加补充材料');
    } catch (error) {
      props.fail(error);
    }
  };

  return (
    <Card size="small" title={t('补充材料')} id={props.formId}>
      {proposal.supplements.length > 0 ? (
        <List
          size="small"
          dataSource={proposal.supplements}
          renderItem={(item) => (
            <List.Item style={{ paddingInline: 0, display: 'block' }}>
              <div style={{ marginBottom: 4 }}>
                <Tag color="gold">{t('补充材料')}</Tag>
                <Typography.Text type="secondary" style={{ fontSize: '0.9em' }}>
                  {item.authorName} · {formatDateTime(item.createdAt)}
                </Typography.Text>
              </div>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{item.text}</Typography.Paragraph>
            </List.Item>
          )}
        />
      ) : null}
      {canAdd ? (
        <Form form={form} layout="vertical" onFinish={send} style={{ marginTop: proposal.supplements.length ? 12 : 0 }}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {t('提案提交后正文不能修改，新的情况、数据或更正请在这里补充。')}
          </Typography.Paragraph>
          <Form.Item
            name="text"
            label={t('追加补充材料')}
            rules={[{ required: true, whitespace: true, message: t('请填写补充内容') }]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={5000} showCount />
          </Form.Item>
          <Button type="primary" ghost htmlType="submit" loading={add.isPending}>
            {t('提交补充材料')}
          </Button>
        </Form>
      ) : null}
    </Card>
  );
}
