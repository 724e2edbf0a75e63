import { useQuery } from '@tanstack/react-query';
import { Card, Table, Typography } from 'antd';
import { useState } from 'react';
import type { PlatformLoginFailure, PlatformLoginFailurePage } from '../../../../contracts/auth.ts';
import { ApiError } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { apiGet } from '../../pages/admin/shared/admin-api.ts';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { tableCardStyle, useWidthScale } from '../../pages/admin/shared/admin-ui.tsx';

/** One page of the platform's failed logins (names no committee has, blocked addresses), newest first. */
function usePlatformLoginFailures(cursor: string | null) {
  return useQuery({
    queryKey: ['audit', 'platform-login-failures', cursor],
    queryFn: () =>
      apiGet<PlatformLoginFailurePage>('/auth/platform-login-failures', { limit: '20', cursor: cursor ?? undefined }),
    retry: false,
  });
}

/**
 * 平台级登录失败: the failed logins that named no committee (unknown login names) and the addresses stopped for
 * too many failures, for the auditor of a top-level committee; nothing for other auditors (the server answers 403).
 */
export function PlatformLoginFailuresCard() {
  const t = useT();
  const w = useWidthScale();
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const { data, error, isFetching } = usePlatformLoginFailures(cursors[cursors.length - 1]);
  if (error instanceof ApiError && error.status === 403) return null;
  return (
    <Card
      size="small"
      style={{ ...tableCardStyle, marginTop: 16 }}
      title={t('平台级登录失败（未注明政协的未知账户名、被暂停的网络地址）')}
      extra={
        <Typography.Link
          disabled={!data?.nextCursor || isFetching}
          onClick={() => data?.nextCursor && setCursors([...cursors, data.nextCursor])}
        >
          {t('更早的记录')}
        </Typography.Link>
      }
    >
      <Table<PlatformLoginFailure>
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={data?.items ?? []}
        pagination={false}
        scroll={{ x: w(700) }}
        locale={{ emptyText: error ? t('加载失败，请刷新重试') : t('没有记录') }}
        columns={[
          { title: t('时间'), dataIndex: 'occurredAt', width: w(170), render: (value: string) => formatDateTime(value) },
          { title: t('登录名'), dataIndex: 'loginName', width: w(160), render: (name: string | null) => name ?? '—' },
          { title: t('摘要'), dataIndex: 'summary', render: (summary: string) => t(summary) },
          { title: t('IP 地址'), dataIndex: 'ip', width: w(150), render: (ip: string | null) => ip ?? '—' },
        ]}
      />
    </Card>
  );
}
