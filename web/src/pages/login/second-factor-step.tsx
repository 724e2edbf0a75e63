import { SafetyOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import type { LoginResponse } from '../../../../contracts/auth.ts';
import { useSecondFactor } from '../../features/auth/auth-api.ts';
import { ApiError, errorMessage } from '../../lib/api.ts';

/** Step two: the six-digit code from the authenticator app. */
export function SecondFactorStep({
  onSuccess,
  onCancel,
}: {
  onSuccess: (response: LoginResponse) => void;
  onCancel: () => void;
}) {
  const [form] = Form.useForm<{ code: string }>();
  const secondFactor = useSecondFactor();
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async ({ code }: { code: string }) => {
    setFailure(null);
    try {
      onSuccess(await secondFactor.mutateAsync(code.trim()));
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        setFailure('登录步骤已过期，请重新输入用户名和密码');
        return;
      }
      if (error instanceof ApiError && error.status === 422) form.setFields([{ name: 'code', errors: [error.detail] }]);
      else setFailure(errorMessage(error));
      form.setFieldValue('code', '');
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} size="large">
      <Typography.Paragraph>
        <SafetyOutlined /> 本账户已启用动态验证码。请打开手机上的验证器应用，输入显示的 6 位数字。
      </Typography.Paragraph>
      <Form.Item
        label="动态验证码"
        name="code"
        rules={[
          { required: true, message: '请输入 6 位动态验证码' },
          { pattern: /^\s*\d{6}\s*$/, message: '动态验证码应为 6 位数字' },
        ]}
      >
        <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} autoFocus placeholder="6 位数字" />
      </Form.Item>
      {failure && <Alert type="error" showIcon role="alert" title={failure} style={{ marginBottom: 16 }} />}
      <Flex vertical gap={8}>
        <Button type="primary" htmlType="submit" block loading={secondFactor.isPending}>
          验证并登录
        </Button>
        <Button type="link" onClick={onCancel}>
          返回，换个账户登录
        </Button>
      </Flex>
    </Form>
  );
}
