import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useText } from '../lib/i18n.tsx';

/** An unknown portal address. */
export function PortalNotFound({ detail }: { detail?: string }) {
  const t = useText();
  return (
    <Result
      status="404"
      title={t('页面不存在')}
      subTitle={t(detail ?? '要找的内容不存在或未公开')}
      extra={
        <Link to="/portal">
          <Button type="primary">{t('返回提案公开首页')}</Button>
        </Link>
      }
    />
  );
}
