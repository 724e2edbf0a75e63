import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { VisitState } from '../../../../contracts/stations.ts';
import { useMe } from '../../features/auth/auth-api.ts';
import { CountTiles } from '../../features/stations/station-counts-card.tsx';
import { StationSelect } from '../../features/stations/station-select.tsx';
import { useStation, useStationCounts, useVisits } from '../../features/stations/stations-api.ts';
import { VisitCards, VisitTable } from '../../features/stations/visit-list.tsx';
import { useT } from '../admin/shared/admin-text.ts';
import { PageTitle, useFilterFieldStyle, useIsPhone } from '../admin/shared/admin-ui.tsx';

const PAGE_SIZE = 20;

/**
 * 来访登记: the visits, newest first. Station staff see their station's, with its counts and a big "登记来访"
 * button; the office sees every station's and may filter by station.
 */
export function VisitsPage() {
  const t = useT();
  const phone = useIsPhone();
  const navigate = useNavigate();
  const filterStyle = useFilterFieldStyle(220);
  const me = useMe().data;
  const office = me?.roles.includes('proposal_office') ?? false;
  const ownStation = office ? null : (me?.stationId ?? null);
  const station = useStation(ownStation);
  const [state, setState] = useState<VisitState | ''>('');
  const [stationId, setStationId] = useState<string | null>(null);
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const filter = { state: state || undefined, stationId: office ? (stationId ?? undefined) : undefined };
  const visits = useVisits(filter, cursors[cursors.length - 1], PAGE_SIZE);
  const counts = useStationCounts(ownStation ? { stationId: ownStation } : {});
  const rows = visits.data?.items ?? [];
  const nextCursor = visits.data?.nextCursor ?? null;
  const emptyText = visits.error ? t('加载失败，请刷新重试') : t('暂无来访登记');
  const link = (visit: { id: string }) => `/station-visits/${visit.id}`;
  const change = (next: () => void) => {
    next();
    setCursors([undefined]);
  };

  if (!office && !ownStation) {
    return (
      <Card>
        <Typography.Text type="secondary">{t('您的账户尚未关联联络站，请联系系统管理员。')}</Typography.Text>
      </Card>
    );
  }
  const record = (
    <Button type="primary" size="large" icon={<PlusOutlined />} block={phone} onClick={() => navigate('/station-visits/new')}>
      {t('登记来访')}
    </Button>
  );
  return (
    <div>
      <PageTitle title="来访登记" extra={phone ? undefined : record} />
      <Flex vertical gap={16}>
        {ownStation ? (
          <Typography.Text type="secondary">
            {station.data ? `${t(station.data.name)} · ${t(station.data.openingHours)}` : ''}
          </Typography.Text>
        ) : null}
        {phone ? record : null}
        {counts.data && ownStation ? <CountTiles counts={counts.data} /> : null}
        <Flex gap={12} wrap align="center">
          <Segmented<VisitState | ''>
            style={{ maxWidth: '100%', overflowX: 'auto' }}
            value={state}
            onChange={(value) => change(() => setState(value))}
            options={[
              { value: '', label: t('全部') },
              { value: 'open', label: t('待处理') },
              { value: 'closed', label: t('当场办结') },
              { value: 'converted', label: t('已转微建议') },
            ]}
          />
          {office ? (
            <StationSelect
              value={stationId}
              onChange={(value) => change(() => setStationId(value))}
              placeholder="全部联络站"
              style={filterStyle}
            />
          ) : null}
        </Flex>
        {phone ? (
          <VisitCards rows={rows} loading={visits.isFetching} emptyText={emptyText} link={link} showStation={office} />
        ) : (
          <VisitTable rows={rows} loading={visits.isFetching} emptyText={emptyText} link={link} showStation={office} />
        )}
        <Flex justify="flex-end" gap={8}>
          <Button disabled={cursors.length <= 1} onClick={() => setCursors(cursors.slice(0, -1))}>
            {t('上一页')}
          </Button>
          <Button disabled={!nextCursor} onClick={() => setCursors([...cursors, nextCursor ?? undefined])}>
            {t('下一页')}
          </Button>
        </Flex>
      </Flex>
    </div>
  );
}
