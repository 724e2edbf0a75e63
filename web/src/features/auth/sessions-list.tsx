import { DesktopOutlined, MobileOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Flex, Popconfirm, Skeleton, Tag, Typography } from 'antd';
import type { LoginSession } from '../../../../contracts/auth.ts';
import { errorMessage } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useRevokeSession, useSessions } from './auth-api.ts';

/** A short Chinese description of a browser's user agent: "Chrome · Windows". */
export function describeUserAgent(userAgent: string | null): { label: string; mobile: boolean } {
  if (!userAgent) return { label: '未知设备', mobile: false };
  const browser = /MicroMessenger/i.test(userAgent)
    ? '微信'
    : /Edg\//.test(userAgent)
      ? 'Edge'
      : /Firefox\//.test(userAgent)
        ? 'Firefox'
        : /(Chrome|Chromium)\//.test(userAgent)
          ? 'Chrome'
          : /Safari\//.test(userAgent)
            ? 'Safari'
            : '浏览器';
  const system = /Android/i.test(userAgent)
    ? 'Android'
    : /iPhone|iPad|iPod/i.test(userAgent)
      ? 'iOS'
      : /Windows/i.test(userAgent)
        ? 'Windows'
        : /Mac OS X/i.test(userAgent)
          ? 'macOS'
          : /HarmonyOS/i.test(userAgent)
            ? '鸿蒙'
            : /Linux/i.test(userAgent)
              ? 'Linux'
              : '';
  const mobile = /Mobile|Android|iPhone|iPad/i.test(userAgent);
  return { label: system ? `${browser} · ${system}` : browser, mobile };
}

/** One session as a card row. */
function SessionRow({ session }: { session: LoginSession }) {
  const { message } = App.useApp();
  const revoke = useRevokeSession();
  const device = describeUserAgent(session.userAgent);
  const onRevoke = async () => {
    try {
      await revoke.mutateAsync(session.id);
      message.success('已注销该登录会话');
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  return (
    <Card size="small" className="session-row">
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Flex gap={12} align="center" style={{ minWidth: 0 }}>
          <span className="session-icon" aria-hidden>
            {device.mobile ? <MobileOutlined /> : <DesktopOutlined />}
          </span>
          <Flex vertical style={{ minWidth: 0 }}>
            <Typography.Text strong>
              {device.label} {session.current && <Tag color="processing">当前会话</Tag>}
            </Typography.Text>
            <Typography.Text type="secondary">
              IP {session.ip ?? '未知'} · 登录于 {formatDateTime(session.createdAt)} · 最近活动{' '}
              {formatDateTime(session.lastSeenAt)}
            </Typography.Text>
          </Flex>
        </Flex>
        {!session.current && (
          <Popconfirm
            title="注销这个登录会话？"
            description="该设备需要重新登录。"
            okText="注销"
            cancelText="取消"
            onConfirm={onRevoke}
          >
            <Button danger loading={revoke.isPending}>
              注销
            </Button>
          </Popconfirm>
        )}
      </Flex>
    </Card>
  );
}

/** The user's open login sessions, each but the current one revocable. */
export function SessionsList() {
  const sessions = useSessions();
  if (sessions.isPending) return <Skeleton active />;
  if (sessions.isError) return <Alert type="error" showIcon title={errorMessage(sessions.error)} />;
  if (sessions.data.items.length === 0) return <Empty description="没有登录会话" />;
  return (
    <Flex vertical gap={8}>
      {sessions.data.items.map((session) => (
        <SessionRow key={session.id} session={session} />
      ))}
    </Flex>
  );
}
