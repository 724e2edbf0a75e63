import { Card, Empty, Flex, Spin, Table, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import type { Visit, VisitState } from '../../../../contracts/stations.ts';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { tableCardStyle, useWidthScale } from '../../pages/admin/shared/admin-ui.tsx';
import { dayLabel } from './station-rules.ts';

/** The colour of a visit's state. */
export const visitStateColor: Record<VisitState, string> = { open: 'orange', closed: 'green', converted: 'blue' };

/** A visit's state tag. */
export function VisitStateTag({ visit }: { visit: Pick<Visit, 'state' | 'stateName'> }) {
  const t = useT();
  return <Tag color={visitStateColor[visit.state as VisitState] ?? 'default'}>{t(visit.stateName)}</Tag>;
}

/** The visits as cards for a phone: the day, the state, the matter, who came and who was there. */
export function VisitCards(props: {
  rows: Visit[];
  loading: boolean;
  emptyText: string;
  link: (visit: Visit) => string;
  showStation: boolean;
}) {
  const t = useT();
  const navigate = useNavigate();
  if (!props.loading && props.rows.length === 0) return <Empty description={props.emptyText} />;
  return (
    <Spin spinning={props.loading}>
      <Flex vertical gap={12}>
        {props.rows.map((visit) => (
          <Card key={visit.id} size="small" hoverable onClick={() => navigate(props.link(visit))}>
            <Flex vertical gap={6}>
              <Flex justify="space-between" align="center" gap={8}>
                <Link to={props.link(visit)} onClick={(event) => event.stopPropagation()}>
                  <Typography.Text strong>{dayLabel(visit.visitDate)}</Typography.Text>
                </Link>
                <VisitStateTag visit={visit} />
              </Flex>
              <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
                {t(visit.matter)}
              </Typography.Paragraph>
              <Typography.Text type="secondary">
                {visit.visitorNameMasked}
                {visit.visitorCount > 1 ? ` ${t('等')} ${visit.visitorCount} ${t('人')}` : ''}
                {visit.members.length ? ` · ${t('到场委员')}：${visit.members.map((member) => member.name).join('、')}` : ''}
              </Typography.Text>
              {props.showStation ? <Typography.Text type="secondary">{t(visit.station.name)}</Typography.Text> : null}
            </Flex>
          </Card>
        ))}
      </Flex>
    </Spin>
  );
}

/** The visits as a table for a desktop. */
export function VisitTable(props: {
  rows: Visit[];
  loading: boolean;
  emptyText: string;
  link: (visit: Visit) => string;
  showStation: boolean;
}) {
  const t = useT();
  const w = useWidthScale();
  return (
    <Card size="small" style={tableCardStyle}>
      <Table<Visit>
        rowKey="id"
        size="middle"
        loading={props.loading}
        dataSource={props.rows}
        pagination={false}
        scroll={{ x: w(1000) }}
        locale={{ emptyText: props.emptyText }}
        columns={[
          { title: t('来访日期'), dataIndex: 'visitDate', width: w(120) },
          ...(props.showStation
            ? [
                {
                  title: t('联络站'),
                  key: 'station',
                  width: w(180),
                  render: (_value: unknown, visit: Visit) => t(visit.station.name),
                },
              ]
            : []),
          {
            title: t('反映事项'),
            key: 'matter',
            render: (_value, visit) => (
              <Link to={props.link(visit)}>
                <Typography.Text ellipsis={{ tooltip: visit.matter }} style={{ maxWidth: w(360) }}>
                  {t(visit.matter)}
                </Typography.Text>
              </Link>
            ),
          },
          {
            title: t('来访群众'),
            key: 'visitor',
            width: w(150),
            render: (_value, visit) =>
              `${visit.visitorNameMasked}${visit.visitorCount > 1 ? ` ${t('等')}${visit.visitorCount}${t('人')}` : ''}`,
          },
          {
            title: t('到场委员'),
            key: 'members',
            width: w(180),
            render: (_value, visit) => visit.members.map((member) => member.name).join('、') || '—',
          },
          { title: t('状态'), key: 'state', width: w(110), render: (_value, visit) => <VisitStateTag visit={visit} /> },
        ]}
      />
    </Card>
  );
}
