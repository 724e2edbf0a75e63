/**
 * The suggestion to bind an authenticator app: a notice the user can close, remembered per user in this browser,
 * instead of a banner on every visit.
 */
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useText } from '../../lib/i18n.tsx';
import { dismissSecondFactorNotice, secondFactorNoticeDismissed } from './workbench-rules.ts';

/** Storage when the browser offers it. */
function browserStorage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}

/** Shown to a user without a second factor until they close it. */
export function SecondFactorNotice({ userId, enabled }: { userId: string; enabled: boolean }) {
  const t = useText();
  const [dismissed, setDismissed] = useState(() => secondFactorNoticeDismissed(browserStorage(), userId));
  if (enabled || dismissed) return null;
  return (
    <Alert
      type="info"
      showIcon
      icon={<SafetyCertificateOutlined />}
      className="wb-notice"
      title={t('建议绑定动态验证码')}
      description={t('绑定后登录需输入手机验证器应用中的 6 位验证码，即使密码泄露账户也不会被盗用。')}
      closable={{
        'aria-label': t('不再提示'),
        onClose: () => {
          dismissSecondFactorNotice(browserStorage(), userId);
          setDismissed(true);
        },
      }}
      action={
        <Link to="/account#totp">
          <Button size="small">{t('去绑定')}</Button>
        </Link>
      }
    />
  );
}
