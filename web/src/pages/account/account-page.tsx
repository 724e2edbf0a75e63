/** 我的账户: profile, change password, two-factor setup, and the user's login sessions. */
import { App, Card, Descriptions, Flex, Tag } from 'antd';
import { roleNames } from '../../../../contracts/roles.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useMe } from '../../features/auth/auth-api.ts';
import { PasswordChangeForm } from '../../features/auth/password-change-form.tsx';
import { SessionsList } from '../../features/auth/sessions-list.tsx';
import { TotpPanel } from '../../features/auth/totp-panel.tsx';

/** The account screen. */
export function AccountPage() {
  const { data: me } = useMe();
  const { message } = App.useApp();
  if (!me) return null;
  return (
    <Flex vertical gap={16} className="account-page">
      <PageHeader title="我的账户" subtitle="个人信息与账户安全" />
      <Card title="个人信息" id="profile">
        <Descriptions
          column={{ xs: 1, sm: 1, md: 2 }}
          items={[
            { key: 'name', label: '姓名', children: me.displayName },
            { key: 'username', label: '用户名', children: <span data-no-convert>{me.username}</span> },
            { key: 'org', label: '所属政协', children: me.organization.name },
            {
              key: 'roles',
              label: '角色',
              children: (
                <Flex gap={6} wrap>
                  {me.roles.map((role) => (
                    <Tag key={role} color="blue">
                      {roleNames[role] ?? role}
                    </Tag>
                  ))}
                  {me.roles.length === 0 && '暂无'}
                </Flex>
              ),
            },
            { key: 'idle', label: '自动退出', children: `${me.security.idleTimeoutMinutes} 分钟未操作后自动退出登录` },
          ]}
        />
      </Card>
      <Flex gap={16} wrap align="flex-start">
        <Card title="修改密码" id="password" className="account-card">
          <PasswordChangeForm me={me} onDone={() => message.success('密码已修改，其他设备上的登录已退出')} />
        </Card>
        <Card title="动态验证码（两步验证）" id="totp" className="account-card">
          <TotpPanel me={me} />
        </Card>
      </Flex>
      <Card title="登录会话" id="sessions" extra={<span className="muted">在其他设备上的登录可在此注销</span>}>
        <SessionsList />
      </Card>
    </Flex>
  );
}
