/**
 * 委员领办: the member reports what was done (text and photos of the result); the report resolves the
 * micro-suggestion. Before the report, the photos may be added and removed; the text is sent with the action.
 */
import { Alert, Button, Card, Form, Input, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import type { MicroSuggestion } from '../../../../contracts/micro-suggestions.ts';
import { useText } from '../../lib/i18n.tsx';
import { useMicroActionSubmit } from './micro-action-dialog.tsx';
import { PhotoPicker } from './micro-photos.tsx';

/** The form card. */
export function MicroReportForm(props: {
  item: MicroSuggestion;
  onChanged: () => void;
  onDone: (item: MicroSuggestion, message: string) => void;
}) {
  const t = useText();
  const { item } = props;
  const [form] = Form.useForm<{ text: string }>();
  const action = useMicroActionSubmit(item, 'report_result');
  const [sending, setSending] = useState(false);
  const report = item.memberReport;

  const submit = async () => {
    let values: { text: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSending(true);
    const updated = await action.submit({ text: values.text.trim() }, form, ['text']);
    setSending(false);
    if (updated) props.onDone(updated, '办理结果已报告，这件微建议已办结');
  };

  return (
    <Card size="small" title={t('报告领办结果')}>
      <Typography.Paragraph type="secondary">
        {t('这件微建议由您领办。问题解决后，请写明办理情况并上传办理后的照片。')}
      </Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item name="text" label={t('办理结果')} rules={[{ required: true, whitespace: true, message: t('请填写办理结果') }]}>
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 10 }}
            maxLength={2000}
            showCount
            placeholder={t('如：已协调街道更换路灯3盏，6月5日起恢复照明')}
          />
        </Form.Item>
        <Form.Item label={t('办理后照片（可不传）')}>
          <PhotoPicker
            photos={report?.photos ?? []}
            max={item.maxPhotos}
            ensureItemId={async () => item.id}
            onChanged={props.onChanged}
            hint="拍下解决后的现场"
          />
        </Form.Item>
      </Form>
      {action.error ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={t(action.error)} /> : null}
      <Popconfirm
        title={t('报告办理结果？')}
        description={t('报告后这件微建议即办结，内容不能再修改。')}
        okText={t('报告')}
        cancelText={t('取消')}
        onConfirm={submit}
      >
        <Button type="primary" loading={sending || action.pending}>
          {t('报告办理结果')}
        </Button>
      </Popconfirm>
    </Card>
  );
}
