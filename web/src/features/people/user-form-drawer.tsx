import { Alert, Button, Drawer, Form, Input, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { isValidMobile, type User, type UserWithPassword } from '../../../../contracts/people.ts';
import { type Role, roles } from '../../../../contracts/roles.ts';
import { errorMessage } from '../../pages/admin/shared/admin-api.ts';
import { roleName, useT } from '../../pages/admin/shared/admin-text.ts';
import { showServerFieldErrors, useDrawerSize } from '../../pages/admin/shared/admin-ui.tsx';
import { changedFields } from '../../pages/admin/shared/form-values.ts';
import { StationSelect } from '../stations/station-select.tsx';
import { MemberSelect } from './member-select.tsx';
import { UnitSelect } from './unit-select.tsx';
import { requiredLinks, separationProblem } from './user-rules.ts';
import { useCreateUser, useUpdateUser } from './users-api.ts';

type UserFormValues = {
  username: string;
  displayName: string;
  roles: Role[];
  memberId: string | null;
  unitId: string | null;
  stationId: string | null;
  mobile?: string;
  password?: string;
};

const fieldNames = ['username', 'displayName', 'roles', 'memberId', 'unitId', 'stationId', 'mobile', 'password'];

function formValuesOf(user: User | null): Partial<UserFormValues> {
  if (!user) return { roles: [] };
  return {
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    memberId: user.member?.id ?? null,
    unitId: user.unit?.id ?? null,
    stationId: user.station?.id ?? null,
  };
}

/**
 * Creates an account (the answer's one-time password goes to onCreated) or edits one: name, roles and links.
 * Only the system administrator edits the profile; role changes follow 三员分立 and the server has the last word,
 * its refusal is shown at the top of the form.
 */
export function UserFormDrawer(props: {
  open: boolean;
  user: User | null;
  /** The current user may edit name, mobile and links (system administrator). */
  canEditProfile: boolean;
  onClose: () => void;
  onCreated: (result: UserWithPassword) => void;
  onUpdated: (user: User) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<UserFormValues>();
  const create = useCreateUser();
  const update = useUpdateUser();
  const size = useDrawerSize(560);
  const [problem, setProblem] = useState<string | null>(null);
  const editing = props.user !== null;
  const chosenRoles = Form.useWatch('roles', form) ?? [];
  const links = requiredLinks(chosenRoles);
  const needsStation = chosenRoles.includes('station_staff');

  useEffect(() => {
    if (props.open) {
      form.resetFields();
      form.setFieldsValue(formValuesOf(props.user));
      setProblem(null);
    }
  }, [props.open, props.user, form]);

  const submit = async () => {
    setProblem(null);
    const values = await form.validateFields();
    try {
      if (props.user) {
        const { mobile, username: _username, password: _password, ...rest } = values;
        const changes: Record<string, unknown> = changedFields(formValuesOf(props.user), rest);
        if (mobile?.trim()) changes.mobile = mobile.trim();
        if (Object.keys(changes).length === 0) {
          props.onClose();
          return;
        }
        props.onUpdated(await update.mutateAsync({ id: props.user.id, version: props.user.version, values: changes }));
      } else {
        const result = await create.mutateAsync({
          username: values.username.trim(),
          displayName: values.displayName.trim(),
          roles: values.roles ?? [],
          memberId: values.memberId ?? null,
          unitId: values.unitId ?? null,
          stationId: values.stationId ?? null,
          mobile: values.mobile?.trim() || null,
          password: values.password || undefined,
        });
        props.onCreated(result);
      }
    } catch (error) {
      showServerFieldErrors(form, fieldNames, error);
      setProblem(t(errorMessage(error)));
    }
  };

  const profileDisabled = editing && !props.canEditProfile;
  return (
    <Drawer
      open={props.open}
      onClose={props.onClose}
      size={size}
      title={editing ? t('编辑账户') : t('新建账户')}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={props.onClose}>{t('取消')}</Button>
          <Button type="primary" loading={create.isPending || update.isPending} onClick={submit}>
            {t('保存')}
          </Button>
        </Space>
      }
    >
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical">
        <Form.Item
          name="username"
          label={t('用户名')}
          rules={[
            { required: true, message: t('请输入用户名') },
            {
              pattern: /^[A-Za-z0-9][A-Za-z0-9_.@-]{2,63}$/,
              message: t('用户名应为 3–64 位字母、数字或 _ . @ -，以字母或数字开头'),
            },
          ]}
        >
          <Input maxLength={64} disabled={editing} autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('姓名')} rules={[{ required: true, whitespace: true, message: t('请输入姓名') }]}>
          <Input maxLength={50} disabled={profileDisabled} />
        </Form.Item>
        <Form.Item
          name="roles"
          label={t('角色')}
          extra={t(
            '三员分立：系统管理员、安全管理员、安全审计员不能互相兼任，也不能兼任业务角色。业务角色由系统管理员分配，三员角色由安全管理员分配。',
          )}
          rules={[
            {
              validator: (_rule, value: Role[] | undefined) => {
                const clash = separationProblem(value ?? []);
                return clash ? Promise.reject(new Error(t(clash))) : Promise.resolve();
              },
            },
          ]}
        >
          <Select
            mode="multiple"
            allowClear
            placeholder={t('选择角色')}
            options={roles.map((role) => ({ value: role, label: t(roleName(role)) }))}
          />
        </Form.Item>
        <Form.Item
          name="memberId"
          label={t('关联委员')}
          rules={[{ required: links.member, message: t('“委员”角色须关联一名委员') }]}
        >
          <MemberSelect current={props.user?.member ?? null} disabled={profileDisabled} />
        </Form.Item>
        <Form.Item
          name="unitId"
          label={t('所属承办单位')}
          rules={[{ required: links.unit, message: t('承办单位角色须关联一个承办单位') }]}
        >
          <UnitSelect current={props.user?.unit ?? null} disabled={profileDisabled} />
        </Form.Item>
        {needsStation || props.user?.station ? (
          <Form.Item
            name="stationId"
            label={t('所在联络站')}
            rules={[{ required: needsStation, message: t('联络站工作人员须关联一个联络站或工作室') }]}
          >
            <StationSelect current={props.user?.station ?? null} disabled={profileDisabled} />
          </Form.Item>
        ) : null}
        <Form.Item
          name="mobile"
          label={t('手机号')}
          extra={
            editing && props.user?.mobileMasked
              ? `${t('当前')}：${props.user.mobileMasked}，${t('留空则保持原值')}`
              : t('可用于登录')
          }
          rules={[
            {
              validator: (_rule, value: string | undefined) =>
                !value?.trim() || isValidMobile(value)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('手机号不正确（应为 11 位，以 13–19 开头）'))),
            },
          ]}
        >
          <Input maxLength={11} inputMode="numeric" disabled={profileDisabled} autoComplete="off" />
        </Form.Item>
        {editing ? null : (
          <Form.Item name="password" label={t('初始密码')} extra={t('留空则自动生成强密码，保存后显示一次。首次登录须修改。')}>
            <Input.Password maxLength={128} autoComplete="new-password" />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
