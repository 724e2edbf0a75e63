import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Segmented, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Station } from '../../../../contracts/stations.ts';
import { todayInChina } from '../../features/orgs/calendar-grid.ts';
import { StationCountsTable } from '../../features/stations/station-counts-card.tsx';
import { StationFormDrawer } from '../../features/stations/station-form-drawer.tsx';
import { useStationCounts, useStations } from '../../features/stations/stations-api.ts';
import { useT } from '../admin/shared/admin-text.ts';
import { PageTitle, tableCardStyle, useFeedback, useIsPhone, useWidthScale } from '../admin/shared/admin-ui.tsx';

type Period = 'month' | 'year' | 'all';

/** The first and last day of the period, in China time. */
function periodRange(period: Period): { from?: string; to?: string } {
  const today = todayInChina();
  if (period === 'month') return { from: `${today.slice(0, 7)}-01`, to: today };
  if (period === 'year') return { from: `${today.slice(0, 4)}-01-01`, to: today };
  return {};
}

/** A station's names of members or staff, or a dash. */
const names = (items: { name: string }[]) => items.map((item) => item.name).join('、') || '—';

/** The stations as cards, for a phone. */
function StationCards(props: { rows: Station[]; loading: boolean; onEdit: (station: Station) => void }) {
  const t = useT();
  if (!props.loading && props.rows.length === 0) return <Empty description={t('暂无联络站')} />;
  return (
    <Spin spinning={props.loading}>
      <Flex vertical gap={12}>
        {props.rows.map((station) => (
          <Card
            key={station.id}
            size="small"
            title={
              <span>
                {t(station.name)} {station.active ? null : <Tag>{t('已停用')}</Tag>}
              </span>
            }
            extra={
              <Button type="link" icon={<EditOutlined />} onClick={() => props.onEdit(station)}>
                {t('编辑')}
              </Button>
            }
          >
            <Flex vertical gap={4}>
              <Typography.Text>
                <Tag color={station.kind === 'station' ? 'red' : 'purple'}>{t(station.kindName)}</Tag>
                {t(station.openingHours)}
              </Typography.Text>
              <Typography.Text type="secondary">{t(station.address)}</Typography.Text>
              <Typography.Text>
                {t('驻站委员')}：{names(station.members)}
              </Typography.Text>
              <Typography.Text type="secondary">
                {t('工作人员')}：{names(station.staff)}
              </Typography.Text>
            </Flex>
          </Card>
        ))}
      </Flex>
    </Spin>
  );
}

/** 联络站与工作室 (the office): the counts of each station over a period, the list, adding and editing. */
export function StationsPage() {
  const t = useT();
  const w = useWidthScale();
  const phone = useIsPhone();
  const feedback = useFeedback();
  const [period, setPeriod] = useState<Period>('month');
  const [editing, setEditing] = useState<Station | null | undefined>(undefined);
  const stations = useStations();
  const counts = useStationCounts(periodRange(period));
  const rows = stations.data ?? [];

  return (
    <div>
      {feedback.holder}
      <PageTitle
        title="委员联络站与委员工作室"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
            {t('新增')}
          </Button>
        }
      />
      <Flex vertical gap={16}>
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('接待统计')}
          </Typography.Title>
          <Segmented<Period>
            value={period}
            onChange={setPeriod}
            options={[
              { value: 'month', label: t('本月') },
              { value: 'year', label: t('本年') },
              { value: 'all', label: t('全部') },
            ]}
          />
        </Flex>
        <StationCountsTable counts={counts.data} loading={counts.isFetching} />
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('名录')}
        </Typography.Title>
        {phone ? (
          <StationCards rows={rows} loading={stations.isFetching} onEdit={setEditing} />
        ) : (
          <Card size="small" style={tableCardStyle}>
            <Table<Station>
              rowKey="id"
              size="middle"
              loading={stations.isFetching}
              dataSource={rows}
              pagination={false}
              scroll={{ x: w(960) }}
              locale={{ emptyText: stations.error ? t('加载失败，请刷新重试') : t('暂无联络站') }}
              columns={[
                {
                  title: t('名称'),
                  key: 'name',
                  width: w(200),
                  render: (_value, station) => (
                    <Flex vertical gap={2}>
                      <Typography.Text strong>{t(station.name)}</Typography.Text>
                      <span>
                        <Tag color={station.kind === 'station' ? 'red' : 'purple'}>{t(station.kindName)}</Tag>
                        {station.active ? null : <Tag>{t('已停用')}</Tag>}
                      </span>
                    </Flex>
                  ),
                },
                { title: t('地址'), dataIndex: 'address', width: w(200), render: (value: string) => t(value) },
                { title: t('开放时间'), dataIndex: 'openingHours', width: w(170), render: (value: string) => t(value) },
                { title: t('驻站委员'), key: 'members', width: w(180), render: (_value, station) => names(station.members) },
                { title: t('工作人员'), key: 'staff', width: w(120), render: (_value, station) => names(station.staff) },
                {
                  title: t('操作'),
                  key: 'actions',
                  width: w(90),
                  fixed: 'right',
                  render: (_value, station) => (
                    <Button type="link" icon={<EditOutlined />} onClick={() => setEditing(station)}>
                      {t('编辑')}
                    </Button>
                  ),
                },
              ]}
            />
          </Card>
        )}
      </Flex>
      <StationFormDrawer
        open={editing !== undefined}
        station={editing ?? null}
        onClose={() => setEditing(undefined)}
        onSaved={(_station, created) => {
          setEditing(undefined);
          feedback.ok(created ? '已新增' : '已保存');
        }}
      />
    </div>
  );
}
