/** /portal: the committees whose proposals are public; with only one, straight to it. */
import { Card, List, Skeleton, Typography } from 'antd';
import { Link, Navigate } from 'react-router';
import { useText } from '../lib/i18n.tsx';
import { usePortalOrganizations } from './portal-api.ts';

export function OrganizationsPage() {
  const t = useText();
  const { data, isLoading } = usePortalOrganizations();
  if (isLoading) return <Skeleton active />;
  const items = data?.items ?? [];
  if (items.length === 1) return <Navigate to={`/portal/${encodeURIComponent(items[0].code)}`} replace />;
  return (
    <Card title={t('选择政协')}>
      <List
        dataSource={items}
        locale={{ emptyText: t('暂无公开的政协') }}
        renderItem={(item) => (
          <List.Item>
            <Link to={`/portal/${encodeURIComponent(item.code)}`}>
              <Typography.Text strong>{t(item.name)}</Typography.Text>
            </Link>
          </List.Item>
        )}
      />
    </Card>
  );
}
