import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { type User, userStateNames, userStates } from '../../../../contracts/people.ts';
import { roles } from '../../../../contracts/roles.ts';
import { OneTimePasswordModal } from '../../features/people/one-time-password-modal.tsx';
import { UserDetailDrawer, UserStateTags } from '../../features/people/user-detail-drawer.tsx';
import { UserFormDrawer } from '../../features/people/user-form-drawer.tsx';
import { roleColor } from '../../features/people/user-rules.ts';
import { type UserListFilter, useUsers } from '../../features/people/users-api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { hasRole, useAdminMe } from './shared/admin-me.ts';
import { roleName, useT } from './shared/admin-text.ts';
import { CursorPager, PageTitle, tableCardStyle, useFeedback, useFilterFieldStyle, useWidthScale } from './shared/admin-ui.tsx';
import { currentCursor, firstPage } from './shared/cursor-pages.ts';
import { FilterBar } from './shared/filter-bar.tsx';

/** 用户与角色: accounts with a role filter; create (initial password shown once), edit roles, account actions. */
export function UsersPage() {
  const w = useWidthScale();
  const t = useT();
  const feedback = useFeedback();
  const fieldStyle = useFilterFieldStyle();
  const roleFieldStyle = useFilterFieldStyle(200);
  const { data: me } = useAdminMe();
  const isSystemAdmin = hasRole(me, 'system_admin');
  const canEdit = hasRole(me, 'system_admin', 'security_admin');
  const [form] = Form.useForm<UserListFilter>();
  const [filter, setFilter] = useState<UserListFilter>({});
  const [pages, setPages] = useState(firstPage(20));
  const { data, isFetching, error } = useUsers(filter, currentCursor(pages), pages.pageSize);
  const [editing, setEditing] = useState<{ user: User | null } | null>(null);
  const [detailId, setDetailId] = useState<string | null>(null);
  const [created, setCreated] = useState<{ password: string; username: string } | null>(null);

  const search = (values: UserListFilter) => {
    setFilter(
      Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined && value !== null && value !== '')),
    );
    setPages(firstPage(pages.pageSize));
  };

  return (
    <div>
      {feedback.holder}
      <PageTitle
        title="用户与角色"
        extra={
          isSystemAdmin ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ user: null })}>
              {t('新建账户')}
            </Button>
          ) : null
        }
      />
      <FilterBar
        form={form}
        onSearch={search}
        more={
          <>
            <Form.Item name="role" label={t('角色')}>
              <Select
                allowClear
                placeholder={t('全部')}
                style={roleFieldStyle}
                options={roles.map((role) => ({ value: role, label: t(roleName(role)) }))}
              />
            </Form.Item>
            <Form.Item name="state" label={t('状态')}>
              <Select
                allowClear
                placeholder={t('全部')}
                style={fieldStyle}
                options={userStates.map((state) => ({ value: state, label: t(userStateNames[state]) }))}
              />
            </Form.Item>
          </>
        }
      >
        <Form.Item name="q" label={t('关键词')}>
          <Input allowClear placeholder={t('用户名或姓名')} style={fieldStyle} maxLength={50} />
        </Form.Item>
      </FilterBar>
      <Card size="small" style={tableCardStyle}>
        <Table<User>
          rowKey="id"
          size="middle"
          loading={isFetching}
          dataSource={data?.items ?? []}
          pagination={false}
          scroll={{ x: w(1100) }}
          locale={{ emptyText: error ? t('加载失败，请刷新重试') : t('暂无账户') }}
          columns={[
            {
              title: t('用户名'),
              dataIndex: 'username',
              fixed: 'left',
              width: w(140),
              render: (username: string, user) => (
                <Button type="link" style={{ padding: 0 }} onClick={() => setDetailId(user.id)}>
                  {username}
                </Button>
              ),
            },
            { title: t('姓名'), dataIndex: 'displayName', width: w(150) },
            {
              title: t('角色'),
              dataIndex: 'roles',
              width: w(260),
              render: (userRoles: User['roles']) =>
                userRoles.length === 0
                  ? '—'
                  : userRoles.map((role) => (
                      <Tag key={role} color={roleColor(role)} style={{ marginBottom: 4 }}>
                        {t(roleName(role))}
                      </Tag>
                    )),
            },
            {
              title: t('关联'),
              key: 'link',
              width: w(180),
              render: (_value, user) =>
                [user.member?.name, user.unit ? t(user.unit.name) : null, user.station ? t(user.station.name) : null]
                  .filter(Boolean)
                  .join(' / ') || '—',
            },
            { title: t('手机号'), dataIndex: 'mobileMasked', width: w(130), render: (value: string | null) => value ?? '—' },
            { title: t('状态'), key: 'state', width: w(140), render: (_value, user) => <UserStateTags user={user} /> },
            {
              title: t('最近登录'),
              dataIndex: 'lastLoginAt',
              width: w(170),
              render: (value: string | null) => formatDateTime(value),
            },
            {
              title: t('操作'),
              key: 'actions',
              fixed: 'right',
              width: w(canEdit ? 130 : 80),
              render: (_value, user) => (
                <>
                  <Button type="link" size="small" onClick={() => setDetailId(user.id)}>
                    {t('查看')}
                  </Button>
                  {canEdit ? (
                    <Button type="link" size="small" onClick={() => setEditing({ user })}>
                      {t('编辑')}
                    </Button>
                  ) : null}
                </>
              ),
            },
          ]}
        />
        <CursorPager
          pages={pages}
          rowsOnPage={data?.items.length ?? 0}
          nextCursor={data?.nextCursor}
          total={data?.total}
          loading={isFetching}
          onChange={setPages}
        />
      </Card>
      <UserFormDrawer
        open={editing !== null}
        user={editing?.user ?? null}
        canEditProfile={isSystemAdmin}
        onClose={() => setEditing(null)}
        onCreated={(result) => {
          setEditing(null);
          if (result.oneTimePassword) setCreated({ password: result.oneTimePassword, username: result.user.username });
          else feedback.ok('已新建账户');
        }}
        onUpdated={() => {
          setEditing(null);
          feedback.ok('已保存');
        }}
      />
      <UserDetailDrawer
        userId={detailId}
        canEdit={canEdit}
        onClose={() => setDetailId(null)}
        onEdit={(user) => setEditing({ user })}
        ok={feedback.ok}
        fail={feedback.fail}
      />
      <OneTimePasswordModal
        password={created?.password ?? null}
        username={created?.username ?? ''}
        title="账户已创建"
        onClose={() => setCreated(null)}
      />
    </div>
  );
}
