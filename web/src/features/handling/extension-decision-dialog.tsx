/** The office's decision on an extension request: 同意 (an optional note) or 不同意 (a reason is required). */
import { Alert, Descriptions, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import type { Extension, ExtensionAction } from '../../../../contracts/handling.ts';
import { formatDate } from '../../lib/format.ts';
import { errorMessage, isVersionConflict } from '../../pages/admin/shared/admin-api.ts';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { showServerFieldErrors } from '../../pages/admin/shared/admin-ui.tsx';
import { useExtensionDecision } from './handling-api.ts';

/** The dialog; `decision` is the request and the action chosen, or null when closed. */
export function ExtensionDecisionDialog(props: {
  decision: { extension: Extension; action: ExtensionAction } | null;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<{ reason?: string }>();
  const decide = useExtensionDecision();
  const [error, setError] = useState<string | null>(null);
  const decision = props.decision;
  const refusing = decision?.action === 'refuse';
  const ok = async () => {
    if (!decision) return;
    const values = await form.validateFields();
    setError(null);
    try {
      await decide.mutateAsync({
        id: decision.extension.id,
        version: decision.extension.version,
        action: decision.action,
        reason: values.reason?.trim() || undefined,
      });
      props.onDone(refusing ? '已不同意延期' : '已同意延期，答复期限已更新');
    } catch (failure) {
      showServerFieldErrors(form, ['reason'], failure);
      setError(isVersionConflict(failure) ? '该申请已被他人处理，请关闭后刷新再试' : errorMessage(failure));
    }
  };
  return (
    <Modal
      open={decision !== null}
      title={t(refusing ? '不同意延期' : '同意延期')}
      okText={t(refusing ? '不同意' : '同意')}
      cancelText={t('取消')}
      okButtonProps={{ danger: refusing }}
      confirmLoading={decide.isPending}
      destroyOnHidden
      maskClosable={false}
      onOk={ok}
      onCancel={() => {
        setError(null);
        props.onClose();
      }}
    >
      {decision ? (
        <Descriptions size="small" column={1} style={{ marginBottom: 12 }} styles={{ label: { width: 96 } }}>
          <Descriptions.Item label={t(decision.extension.kindName)}>{t(decision.extension.proposalTitle)}</Descriptions.Item>
          <Descriptions.Item label={t('承办单位')}>{t(decision.extension.unitName)}</Descriptions.Item>
          <Descriptions.Item label={t('期限')}>
            {formatDate(decision.extension.previousDueOn)} → {formatDate(decision.extension.requestedDueOn)}
          </Descriptions.Item>
          <Descriptions.Item label={t('延期理由')}>{t(decision.extension.reason)}</Descriptions.Item>
        </Descriptions>
      ) : null}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="reason"
          label={t(refusing ? '不同意的理由' : '意见（可不填）')}
          rules={refusing ? [{ required: true, whitespace: true, message: t('请填写不同意的理由') }] : []}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title={t(error)} /> : null}
    </Modal>
  );
}
