import { Button, Descriptions, Drawer, Popconfirm, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { AvailableAction } from '../../../../contracts/common.ts';
import { type User, type UserAction, userActions, userStateNames } from '../../../../contracts/people.ts';
import { formatDateTime } from '../../lib/format.ts';
import { roleName, useT } from '../../pages/admin/shared/admin-text.ts';
import { useDrawerSize } from '../../pages/admin/shared/admin-ui.tsx';
import { ReasonModal } from '../../pages/admin/shared/reason-modal.tsx';
import { OneTimePasswordModal } from './one-time-password-modal.tsx';
import { roleColor } from './user-rules.ts';
import { useUser, useUserAction } from './users-api.ts';

/** Whether an action from the API is one of the account actions this client knows. */
function isUserAction(action: string): action is UserAction {
  return (userActions as readonly string[]).includes(action);
}

/** The tags of an account's state: 正常/已停用, and 已锁定 while locked. */
export function UserStateTags({ user }: { user: Pick<User, 'state' | 'locked'> }) {
  const t = useT();
  return (
    <>
      <Tag color={user.state === 'active' ? 'green' : 'default'}>{t(userStateNames[user.state])}</Tag>
      {user.locked ? <Tag color="red">{t('已锁定')}</Tag> : null}
    </>
  );
}

/**
 * An account's details with ONLY the actions the server offers for it now (its `actions`); an action that
 * needs a reason asks for one; a password reset shows the new one-time password once.
 */
export function UserDetailDrawer(props: {
  userId: string | null;
  canEdit: boolean;
  onClose: () => void;
  onEdit: (user: User) => void;
  ok: (text: string) => void;
  fail: (error: unknown) => void;
}) {
  const t = useT();
  const size = useDrawerSize(640);
  const { data: user, isLoading } = useUser(props.userId);
  const take = useUserAction();
  const [reasonFor, setReasonFor] = useState<AvailableAction | null>(null);
  const [password, setPassword] = useState<{ value: string; username: string } | null>(null);

  const run = async (action: AvailableAction, reason?: string) => {
    if (!user || !isUserAction(action.action)) return;
    try {
      const result = await take.mutateAsync({ id: user.id, action: action.action, reason });
      setReasonFor(null);
      if (result.oneTimePassword) setPassword({ value: result.oneTimePassword, username: result.user.username });
      else props.ok(`${t('已')}${t(action.label)}`);
    } catch (error) {
      props.fail(error);
    }
  };

  const actionButton = (action: AvailableAction) => {
    const danger = action.action === 'disable';
    if (action.needsReason) {
      return (
        <Button
          key={action.action}
          danger={danger}
          onClick={() => {
            setReasonFor(action);
          }}
        >
          {t(action.label)}
        </Button>
      );
    }
    return (
      <Popconfirm
        key={action.action}
        title={`${t('确定')}${t(action.label)}${t('吗？')}`}
        okText={t('确定')}
        cancelText={t('取消')}
        onConfirm={() => run(action)}
      >
        <Button danger={danger} loading={take.isPending && take.variables?.action === action.action}>
          {t(action.label)}
        </Button>
      </Popconfirm>
    );
  };

  return (
    <Drawer open={props.userId !== null} onClose={props.onClose} size={size} title={t('账户详情')} destroyOnHidden>
      {isLoading || !user ? (
        <Spin />
      ) : (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions bordered column={1} size="middle" styles={{ label: { width: 120 } }}>
            <Descriptions.Item label={t('用户名')}>{user.username}</Descriptions.Item>
            <Descriptions.Item label={t('姓名')}>{user.displayName}</Descriptions.Item>
            <Descriptions.Item label={t('状态')}>
              <UserStateTags user={user} />
              {user.locked && user.lockedUntil ? (
                <Typography.Text type="secondary">
                  {t('锁定至')} {formatDateTime(user.lockedUntil)}
                </Typography.Text>
              ) : null}
            </Descriptions.Item>
            <Descriptions.Item label={t('角色')}>
              {user.roles.length === 0
                ? '—'
                : user.roles.map((role) => (
                    <Tag key={role} color={roleColor(role)}>
                      {t(roleName(role))}
                    </Tag>
                  ))}
            </Descriptions.Item>
            <Descriptions.Item label={t('关联委员')}>{user.member?.name ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('所属单位')}>{user.unit ? t(user.unit.name) : '—'}</Descriptions.Item>
            {user.station ? <Descriptions.Item label={t('所在联络站')}>{t(user.station.name)}</Descriptions.Item> : null}
            <Descriptions.Item label={t('手机号')}>{user.mobileMasked ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('须修改密码')}>
              {user.mustChangePassword ? t('是（首次登录或已重置）') : t('否')}
            </Descriptions.Item>
            <Descriptions.Item label={t('最近登录')}>{formatDateTime(user.lastLoginAt)}</Descriptions.Item>
            <Descriptions.Item label={t('创建时间')}>{formatDateTime(user.createdAt)}</Descriptions.Item>
          </Descriptions>
          <Space wrap>
            {props.canEdit ? (
              <Button type="primary" onClick={() => props.onEdit(user)}>
                {t('编辑')}
              </Button>
            ) : null}
            {user.actions.map(actionButton)}
          </Space>
          {user.actions.length === 0 && !props.canEdit ? (
            <Typography.Text type="secondary">{t('您对该账户没有可执行的操作。')}</Typography.Text>
          ) : null}
        </Space>
      )}
      <ReasonModal
        open={reasonFor !== null}
        title={reasonFor ? `${t(reasonFor.label)}${t('：请说明原因')}` : ''}
        loading={take.isPending}
        onCancel={() => setReasonFor(null)}
        onSubmit={async (reason) => {
          if (reasonFor) await run(reasonFor, reason);
        }}
      />
      <OneTimePasswordModal
        password={password?.value ?? null}
        username={password?.username ?? ''}
        title="密码已重置"
        passwordLabel="临时密码"
        onClose={() => setPassword(null)}
      />
    </Drawer>
  );
}
