import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { authProblemCodes, type LoginResponse } from '../../../../contracts/auth.ts';
import { useLogin } from '../../features/auth/auth-api.ts';
import { ApiError, errorMessage } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';

type Values = { username: string; password: string };

/** The Chinese message of a failed login: wrong credentials, lockout (with its end), disabled, too many tries. */
export function loginFailureMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return errorMessage(error);
  if (error.code === authProblemCodes.accountLocked) {
    const until = typeof error.body.lockedUntil === 'string' ? error.body.lockedUntil : null;
    if (until && !error.detail.includes('解锁')) return `${error.detail}（将于 ${formatDateTime(until)} 自动解锁）`;
    return error.detail;
  }
  return error.detail;
}

/** Step one: username or mobile number, and password. */
export function CredentialsStep({ onSuccess }: { onSuccess: (response: LoginResponse) => void }) {
  const [form] = Form.useForm<Values>();
  const login = useLogin();
  const [failure, setFailure] = useState<{ text: string; locked: boolean } | null>(null);

  const submit = async (values: Values) => {
    setFailure(null);
    try {
      onSuccess(await login.mutateAsync({ username: values.username.trim(), password: values.password }));
    } catch (error) {
      const locked = error instanceof ApiError && error.code === authProblemCodes.accountLocked;
      setFailure({ text: loginFailureMessage(error), locked });
      form.setFieldValue('password', '');
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} size="large" aria-label="登录">
      <Form.Item
        label="用户名或手机号"
        name="username"
        rules={[{ required: true, whitespace: true, message: '请输入用户名或手机号' }]}
      >
        <Input prefix={<UserOutlined />} autoComplete="username" autoFocus placeholder="用户名或手机号" />
      </Form.Item>
      <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" placeholder="密码" />
      </Form.Item>
      {failure && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={failure.text}
          description={
            failure.locked ? '为保护账户安全，连续多次密码错误后账户会暂时锁定。如忘记密码，请联系管理员重置。' : undefined
          }
          style={{ marginBottom: 16 }}
        />
      )}
      <Button type="primary" htmlType="submit" block loading={login.isPending}>
        登录
      </Button>
    </Form>
  );
}
