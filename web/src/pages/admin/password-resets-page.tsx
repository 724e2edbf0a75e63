import { Alert, Button, Card, Popconfirm, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { AvailableAction } from '../../../../contracts/common.ts';
import {
  type PasswordResetAction,
  type PasswordResetRequest,
  passwordResetActions,
  passwordResetStateNames,
} from '../../../../contracts/people.ts';
import { OneTimePasswordModal } from '../../features/people/one-time-password-modal.tsx';
import { usePasswordResetAction, usePasswordResets } from '../../features/people/password-resets-api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useT } from './shared/admin-text.ts';
import { PageTitle, tableCardStyle, useFeedback, useWidthScale } from './shared/admin-ui.tsx';
import { ReasonModal } from './shared/reason-modal.tsx';

const stateColors: Record<PasswordResetRequest['state'], string> = {
  pending: 'orange',
  approved: 'green',
  rejected: 'red',
  cancelled: 'default',
};

/** Whether an action from the API is one this client knows. */
function isResetAction(action: string): action is PasswordResetAction {
  return (passwordResetActions as readonly string[]).includes(action);
}

/**
 * 密码重置审批: an administrator's password is reset only when a second administrator approves the request the
 * security administrator filed; the approver sees the new one-time password once. Shows ONLY the actions the
 * server offers (the requester cancels, others approve or reject; the account's owner neither).
 */
export function PasswordResetsPage() {
  const t = useT();
  const w = useWidthScale();
  const feedback = useFeedback();
  const [state, setState] = useState<'pending' | 'all'>('pending');
  const { data, isFetching, error } = usePasswordResets(state);
  const take = usePasswordResetAction();
  const [rejecting, setRejecting] = useState<PasswordResetRequest | null>(null);
  const [password, setPassword] = useState<{ value: string; username: string } | null>(null);

  const run = async (request: PasswordResetRequest, action: AvailableAction, reason?: string) => {
    if (!isResetAction(action.action)) return;
    try {
      const result = await take.mutateAsync({ id: request.id, action: action.action, reason });
      setRejecting(null);
      if (result.oneTimePassword) setPassword({ value: result.oneTimePassword, username: request.user.username });
      else feedback.ok(`${t('已')}${t(action.label)}`);
    } catch (failure) {
      feedback.fail(failure);
    }
  };

  const actionButton = (request: PasswordResetRequest, action: AvailableAction) =>
    action.needsReason ? (
      <Button key={action.action} size="small" danger onClick={() => setRejecting(request)}>
        {t(action.label)}
      </Button>
    ) : (
      <Popconfirm
        key={action.action}
        title={
          action.action === 'approve'
            ? `${t('批准后将立即重置')}“${request.user.username}”${t('的密码，临时密码只向您显示一次。确定批准吗？')}`
            : `${t('确定')}${t(action.label)}${t('吗？')}`
        }
        okText={t('确定')}
        cancelText={t('取消')}
        onConfirm={() => run(request, action)}
      >
        <Button size="small" type={action.action === 'approve' ? 'primary' : 'default'}>
          {t(action.label)}
        </Button>
      </Popconfirm>
    );

  return (
    <div>
      {feedback.holder}
      <PageTitle
        title="密码重置审批"
        extra={
          <Segmented
            value={state}
            onChange={(value) => setState(value as 'pending' | 'all')}
            options={[
              { value: 'pending', label: t('待批准') },
              { value: 'all', label: t('全部') },
            ]}
          />
        }
      />
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t(
          '三员分立：管理员账户的密码须由安全管理员提出申请，经另一名管理员（非申请人、非账户本人）批准后才重置；临时密码只向批准人显示一次，账户本人登录后须立即修改。',
        )}
      />
      <Card size="small" style={tableCardStyle}>
        <Table<PasswordResetRequest>
          rowKey="id"
          size="middle"
          loading={isFetching}
          dataSource={data?.items ?? []}
          pagination={false}
          scroll={{ x: w(1000) }}
          locale={{ emptyText: error ? t('加载失败，请刷新重试') : t('没有待批准的申请') }}
          columns={[
            {
              title: t('账户'),
              key: 'user',
              width: w(180),
              render: (_value, request) => `${request.user.displayName}（${request.user.username}）`,
            },
            {
              title: t('申请人'),
              key: 'requestedBy',
              width: w(120),
              render: (_value, request) => request.requestedBy?.name ?? '—',
            },
            { title: t('原因'), dataIndex: 'reason', width: w(220) },
            {
              title: t('申请时间'),
              dataIndex: 'createdAt',
              width: w(170),
              render: (value: string) => formatDateTime(value),
            },
            {
              title: t('状态'),
              key: 'state',
              width: w(170),
              render: (_value, request) => (
                <Space orientation="vertical" size={2}>
                  <span>
                    <Tag color={stateColors[request.state]}>{t(passwordResetStateNames[request.state])}</Tag>
                    {request.expired ? <Tag>{t('已过期')}</Tag> : null}
                  </span>
                  {request.decidedBy ? (
                    <Typography.Text type="secondary">
                      {request.decidedBy.name}
                      {request.decisionReason ? `：${request.decisionReason}` : ''}
                    </Typography.Text>
                  ) : null}
                </Space>
              ),
            },
            {
              title: t('操作'),
              key: 'actions',
              fixed: 'right',
              width: w(180),
              render: (_value, request) =>
                request.actions.length === 0 ? (
                  <Typography.Text type="secondary">—</Typography.Text>
                ) : (
                  <Space wrap>{request.actions.map((action) => actionButton(request, action))}</Space>
                ),
            },
          ]}
        />
      </Card>
      <ReasonModal
        open={rejecting !== null}
        title={t('驳回申请：请说明原因')}
        loading={take.isPending}
        onCancel={() => setRejecting(null)}
        onSubmit={async (reason) => {
          const action = rejecting?.actions.find((entry) => entry.action === 'reject');
          if (rejecting && action) await run(rejecting, action, reason);
        }}
      />
      <OneTimePasswordModal
        password={password?.value ?? null}
        username={password?.username ?? ''}
        title="密码已重置"
        passwordLabel="临时密码"
        onClose={() => setPassword(null)}
      />
    </div>
  );
}
