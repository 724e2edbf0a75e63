import { Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { useT } from './admin-text.ts';

/**
 * Asks for the reason of an administrative action (it goes into the audit log): required, at most 500 characters.
 * `onSubmit` receives the trimmed reason; the form starts empty each time it opens.
 */
export function ReasonModal(props: {
  open: boolean;
  title: string;
  loading: boolean;
  onCancel: () => void;
  onSubmit: (reason: string) => Promise<void> | void;
}) {
  const t = useT();
  const [form] = Form.useForm<{ reason: string }>();
  useEffect(() => {
    if (props.open) form.resetFields();
  }, [props.open, form]);
  return (
    <Modal
      open={props.open}
      title={props.title}
      okText={t('确定')}
      cancelText={t('取消')}
      confirmLoading={props.loading}
      onCancel={props.onCancel}
      onOk={async () => {
        const { reason } = await form.validateFields();
        await props.onSubmit(reason.trim());
      }}
      forceRender
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={t('原因')}
          rules={[{ required: true, whitespace: true, message: t('请填写原因（将记入审计日志）') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
