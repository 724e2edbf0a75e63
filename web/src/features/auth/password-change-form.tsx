import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { authProblemCodes, checkPasswordPolicy, type Me } from '../../../../contracts/auth.ts';
import { ApiError, errorMessage } from '../../lib/api.ts';
import { passwordRulesOf, useChangePassword } from './auth-api.ts';
import { passwordRuleChecks } from './password-rules.ts';
import { PasswordRulesList } from './password-rules-list.tsx';

type Values = { currentPassword: string; newPassword: string; confirmPassword: string };

/** The change-password form with the committee's rules shown live; calls onDone with the updated user. */
export function PasswordChangeForm({
  me,
  onDone,
  submitLabel = '修改密码',
}: {
  me: Me;
  onDone?: (me: Me) => void;
  submitLabel?: string;
}) {
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const [failure, setFailure] = useState<string | null>(null);
  const rules = passwordRulesOf(me);
  const newPassword = Form.useWatch('newPassword', form) ?? '';
  const currentPassword = Form.useWatch('currentPassword', form) ?? '';
  const checks = passwordRuleChecks(newPassword, rules, { username: me.username, currentPassword });

  const submit = async (values: Values) => {
    setFailure(null);
    try {
      const updated = await change.mutateAsync({ currentPassword: values.currentPassword, newPassword: values.newPassword });
      form.resetFields();
      onDone?.(updated);
    } catch (error) {
      if (error instanceof ApiError && error.code === authProblemCodes.wrongPassword) {
        form.setFields([{ name: 'currentPassword', errors: [error.detail] }]);
      } else if (error instanceof ApiError && error.errors.length > 0) {
        const known = new Set(['currentPassword', 'newPassword']);
        const fields = error.errors.filter((item) => known.has(item.field));
        form.setFields(fields.map((item) => ({ name: item.field as keyof Values, errors: [item.message] })));
        if (fields.length === 0) setFailure(error.detail);
      } else {
        setFailure(errorMessage(error));
      }
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} autoComplete="off">
      <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        label="新密码"
        name="newPassword"
        dependencies={['currentPassword']}
        rules={[
          { required: true, message: '请输入新密码' },
          ({ getFieldValue }) => ({
            validator: (_rule, value: string | undefined) => {
              if (!value) return Promise.resolve();
              const problems = checkPasswordPolicy(value, rules, {
                username: me.username,
                currentPassword: getFieldValue('currentPassword'),
              });
              // The checklist below names each rule; the message only says that one is unmet.
              return problems.length ? Promise.reject(new Error('新密码不符合下列要求')) : Promise.resolve();
            },
          }),
        ]}
        extra={<PasswordRulesList checks={checks} />}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label="确认新密码"
        name="confirmPassword"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({
            validator: (_rule, value: string | undefined) =>
              !value || value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error('两次输入的新密码不一致')),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" loading={change.isPending} block>
        {submitLabel}
      </Button>
    </Form>
  );
}
