/** The portal's pointer from a committee's page to its liaison stations and member studios. */
import { HomeOutlined } from '@ant-design/icons';
import { Card, Typography } from 'antd';
import { Link } from 'react-router';
import { useText } from '../lib/i18n.tsx';
import { usePortalStations } from './portal-stations-api.ts';

/** A card naming how many stations and studios the committee has, linking to their page; nothing when none. */
export function StationsLinkCard({ org }: { org: string }) {
  const t = useText();
  const { data } = usePortalStations(org);
  const count = data?.items.length ?? 0;
  if (count === 0) return null;
  return (
    <Card size="small" title={t('委员联络站和委员工作室')}>
      <Typography.Paragraph style={{ marginBottom: 8 }}>{t(`共 ${count} 个，委员定期接待群众、听取意见。`)}</Typography.Paragraph>
      <Link to={`/portal/${encodeURIComponent(org)}/stations`}>
        <HomeOutlined /> {t('查看地址、开放时间和委员接待日')}
      </Link>
    </Card>
  );
}
