import { Space, Spin, Typography } from 'antd';
import type { TenantSettings } from '../../../../contracts/settings.ts';
import { useCurrentOrganization, useUpdateSettings } from '../../features/orgs/orgs-api.ts';
import { ResultClassesCard } from '../../features/orgs/result-classes-card.tsx';
import { SettingsCard } from '../../features/orgs/settings-card.tsx';
import {
  type BusinessValues,
  businessPatch,
  businessValuesOf,
  otherNumberSettings,
  proposalNumberSettings,
  proposalSwitchSettings,
  securityNumberSettings,
  securityPatch,
} from '../../features/orgs/settings-fields.ts';
import { hasRole, useAdminMe } from './shared/admin-me.ts';
import { useT } from './shared/admin-text.ts';
import { PageTitle, useFeedback } from './shared/admin-ui.tsx';

/**
 * 系统设置: the committee's security rules (the security administrator's) and proposal deadlines and limits (the
 * system administrator's), each saved on its own with the organization's version (If-Match).
 */
export function SettingsPage() {
  const t = useT();
  const feedback = useFeedback();
  const { data: me } = useAdminMe();
  const organization = useCurrentOrganization();
  const update = useUpdateSettings();
  const isSecurityAdmin = hasRole(me, 'security_admin');
  const isSystemAdmin = hasRole(me, 'system_admin');

  if (!organization.data) {
    return (
      <div>
        <PageTitle title="系统设置" />
        {organization.error ? <Typography.Text type="danger">{t('加载失败，请刷新重试')}</Typography.Text> : <Spin />}
      </div>
    );
  }
  const { settings, version } = organization.data;
  const reload = () => void organization.refetch();

  const saveSecurity = async (values: TenantSettings['security']) => {
    const patch = securityPatch(settings, values);
    if (!patch.security) return 'unchanged' as const;
    await update.mutateAsync({ version, patch });
    return 'saved' as const;
  };
  const saveBusiness = async (values: BusinessValues) => {
    const patch = businessPatch(settings, values);
    if (Object.keys(patch).length === 0) return 'unchanged' as const;
    await update.mutateAsync({ version, patch });
    return 'saved' as const;
  };

  return (
    <div>
      {feedback.holder}
      <PageTitle title="系统设置" />
      <Typography.Paragraph type="secondary">
        {t('本会')}：{t(organization.data.name)}。{t('三员分立：安全设置由安全管理员修改，业务设置由系统管理员修改。')}
      </Typography.Paragraph>
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <SettingsCard<TenantSettings['security']>
          title="安全设置"
          description="密码强度、登录失败锁定、会话超时和管理员双因素认证（等保二、三级要求）。"
          fields={securityNumberSettings}
          switches={[
            { key: 'requireTotpForAdministrators', label: '管理员须使用动态验证码', help: '三员账户登录时须输入动态验证码' },
          ]}
          values={settings.security}
          version={version}
          canEdit={isSecurityAdmin}
          readOnlyReason="安全设置只能由安全管理员修改。"
          save={saveSecurity}
          onReload={reload}
          ok={feedback.ok}
        />
        {isSystemAdmin || !isSecurityAdmin ? (
          <SettingsCard<BusinessValues>
            title="业务设置"
            description="提案办理期限、字数限制等，默认值依据各地通行做法，可按本会规定调整。"
            fields={[...proposalNumberSettings, ...otherNumberSettings]}
            switches={proposalSwitchSettings}
            values={businessValuesOf(settings)}
            version={version}
            canEdit={isSystemAdmin}
            readOnlyReason="业务设置只能由系统管理员修改。"
            save={saveBusiness}
            onReload={reload}
            ok={feedback.ok}
          />
        ) : null}
        {isSystemAdmin || !isSecurityAdmin ? (
          <ResultClassesCard
            settings={settings}
            version={version}
            canEdit={isSystemAdmin}
            save={async (patch) => {
              await update.mutateAsync({ version, patch });
            }}
            onReload={reload}
            ok={feedback.ok}
          />
        ) : null}
      </Space>
    </div>
  );
}
