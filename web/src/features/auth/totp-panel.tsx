import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input, QRCode, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Me, TotpSetupResponse } from '../../../../contracts/auth.ts';
import { ApiError, errorMessage } from '../../lib/api.ts';
import { useTotpDisable, useTotpEnable, useTotpSetup } from './auth-api.ts';

/** The secret in groups of four, easier to type by hand. */
function groupedSecret(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}

/** Binds an authenticator app: a new secret as a QR code, then a code from the app to enable it. */
export function TotpEnrollment({ onEnabled }: { onEnabled?: (me: Me) => void }) {
  const setup = useTotpSetup();
  const enable = useTotpEnable();
  const [secret, setSecret] = useState<TotpSetupResponse | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [form] = Form.useForm<{ code: string }>();

  const start = async () => {
    setFailure(null);
    try {
      setSecret(await setup.mutateAsync());
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };

  const confirm = async ({ code }: { code: string }) => {
    setFailure(null);
    try {
      const me = await enable.mutateAsync(code.trim());
      setSecret(null);
      onEnabled?.(me);
    } catch (error) {
      if (error instanceof ApiError && error.status === 422) form.setFields([{ name: 'code', errors: [error.detail] }]);
      else setFailure(errorMessage(error));
    }
  };

  if (!secret) {
    return (
      <Flex vertical gap={12} align="flex-start">
        <Typography.Paragraph style={{ margin: 0 }}>
          绑定后，登录时除密码外还需输入手机验证器应用（如微信小程序“腾讯身份验证器”、Microsoft Authenticator）生成的 6
          位动态验证码，账户更安全。
        </Typography.Paragraph>
        {failure && <Alert type="error" showIcon title={failure} />}
        <Button type="primary" icon={<SafetyCertificateOutlined />} onClick={start} loading={setup.isPending}>
          绑定动态验证码
        </Button>
      </Flex>
    );
  }

  return (
    <Flex gap={24} wrap align="flex-start">
      <Flex vertical align="center" gap={8}>
        <QRCode value={secret.uri} size={188} bordered aria-label="动态验证码绑定二维码" />
        <Typography.Text type="secondary">用验证器应用扫描二维码</Typography.Text>
      </Flex>
      <Flex vertical gap={8} style={{ flex: '1 1 260px', minWidth: 0 }}>
        <Typography.Text>无法扫码时，在应用中手动输入密钥：</Typography.Text>
        <Typography.Text code copyable={{ text: secret.secret }} data-no-convert className="totp-secret">
          {groupedSecret(secret.secret)}
        </Typography.Text>
        <Form form={form} layout="vertical" onFinish={confirm} requiredMark={false}>
          <Form.Item
            label="应用中显示的 6 位验证码"
            name="code"
            rules={[
              { required: true, message: '请输入 6 位动态验证码' },
              { pattern: /^\s*\d{6}\s*$/, message: '动态验证码应为 6 位数字' },
            ]}
          >
            <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} style={{ maxWidth: 220 }} />
          </Form.Item>
          {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
          <Flex gap={8} wrap>
            <Button type="primary" htmlType="submit" loading={enable.isPending}>
              启用
            </Button>
            <Button onClick={() => setSecret(null)}>取消</Button>
          </Flex>
        </Form>
      </Flex>
    </Flex>
  );
}

/** Turns the authenticator off after the password is given again. */
function TotpDisableForm() {
  const disable = useTotpDisable();
  const [form] = Form.useForm<{ password: string }>();
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async ({ password }: { password: string }) => {
    setFailure(null);
    try {
      await disable.mutateAsync(password);
      form.resetFields();
    } catch (error) {
      if (error instanceof ApiError && error.status === 422) form.setFields([{ name: 'password', errors: [error.detail] }]);
      else setFailure(errorMessage(error));
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} style={{ maxWidth: 360 }}>
      <Form.Item label="停用需再次输入登录密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
      <Button danger htmlType="submit" loading={disable.isPending}>
        停用动态验证码
      </Button>
    </Form>
  );
}

/** The account screen's two-factor section: status, then enrolment or the disable form. */
export function TotpPanel({ me }: { me: Me }) {
  return (
    <Flex vertical gap={16}>
      <div>
        状态：
        {me.totpEnabled ? <Tag color="success">已启用</Tag> : <Tag>未启用</Tag>}
      </div>
      {me.totpEnabled ? <TotpDisableForm /> : <TotpEnrollment />}
    </Flex>
  );
}
