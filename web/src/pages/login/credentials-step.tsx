import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { authProblemCodes, type LoginResponse } from '../../../../contracts/auth.ts';
import { useLogin } from '../../features/auth/auth-api.ts';
import { ApiError, errorMessage } from '../../lib/api.ts';

type Values = { username: string; password: string };

/** The Chinese message of a failed login: the server's detail says what went wrong and, for a wait, how long. */
export function loginFailureMessage(error: unknown): string {
  return error instanceof ApiError ? error.detail : errorMessage(error);
}

/** True when the login must wait after too many failures (of this login name, or of the whole network address). */
function isWaiting(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    (error.code === authProblemCodes.loginDelayed || error.code === authProblemCodes.loginAddressBlocked)
  );
}

/** The committee the login page was opened for (`/login?org=CODE`), so failed logins with unknown names reach its auditor. */
function committeeOfPage(): string | undefined {
  const code = new URLSearchParams(window.location.search).get('org')?.trim();
  return code && /^[a-z0-9][a-z0-9-]{1,39}$/.test(code) ? code : undefined;
}

/** Step one: username or mobile number, and password. */
export function CredentialsStep({ onSuccess }: { onSuccess: (response: LoginResponse) => void }) {
  const [form] = Form.useForm<Values>();
  const login = useLogin();
  const [failure, setFailure] = useState<{ text: string; locked: boolean } | null>(null);

  const submit = async (values: Values) => {
    setFailure(null);
    try {
      const org = committeeOfPage();
      onSuccess(
        await login.mutateAsync({ username: values.username.trim(), password: values.password, ...(org ? { org } : {}) }),
      );
    } catch (error) {
      setFailure({ text: loginFailureMessage(error), locked: isWaiting(error) });
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
          description={failure.locked ? '为保护账户安全，多次登录失败后须稍候再试。如忘记密码，请联系管理员重置。' : undefined}
          style={{ marginBottom: 16 }}
        />
      )}
      <Button type="primary" htmlType="submit" block loading={login.isPending}>
        登录
      </Button>
    </Form>
  );
}
