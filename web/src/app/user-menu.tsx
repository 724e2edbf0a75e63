import { DownOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Avatar, Button, Dropdown } from 'antd';
import { useNavigate } from 'react-router';
import type { Me } from '../../../contracts/auth.ts';
import { useLogout } from '../features/auth/auth-api.ts';
import { errorMessage } from '../lib/api.ts';

/** Logs out, forgets every cached answer and returns to the login screen. */
export function useSignOut(): { signOut: () => Promise<void>; pending: boolean } {
  const logout = useLogout();
  const client = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const signOut = async () => {
    try {
      await logout.mutateAsync();
    } catch (error) {
      message.error(errorMessage(error));
    }
    client.clear();
    navigate('/login', { replace: true, state: { reason: 'logged_out' } });
  };
  return { signOut, pending: logout.isPending };
}

/** The avatar's text: the given name of a personal name (王建国 → 建国); none for longer account names. */
export function avatarText(displayName: string): string {
  const name = displayName.trim();
  return name.length >= 2 && name.length <= 3 ? name.slice(-2) : '';
}

/** The header's user button: 我的账户, 退出登录. */
export function UserMenu({ me, compact = false }: { me: Me; compact?: boolean }) {
  const navigate = useNavigate();
  const { signOut } = useSignOut();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'account', icon: <UserOutlined />, label: '我的账户' },
          { type: 'divider' },
          { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', danger: true },
        ],
        onClick: ({ key }) => {
          if (key === 'account') navigate('/account');
          if (key === 'logout') void signOut();
        },
      }}
    >
      <Button type="text" className="user-button" aria-label={`用户菜单：${me.displayName}`}>
        <Avatar size="small" className="user-avatar" icon={avatarText(me.displayName) ? undefined : <UserOutlined />}>
          {avatarText(me.displayName)}
        </Avatar>
        {!compact && <span className="user-name">{me.displayName}</span>}
        <DownOutlined style={{ fontSize: 10 }} />
      </Button>
    </Dropdown>
  );
}
