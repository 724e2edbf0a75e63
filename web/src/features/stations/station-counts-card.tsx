import { QuestionCircleOutlined } from '@ant-design/icons';
import { Card, Col, Row, Statistic, Table, Tooltip, Typography } from 'antd';
import type { StationCountRow, StationCounts } from '../../../../contracts/stations.ts';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { tableCardStyle, useIsPhone, useWidthScale } from '../../pages/admin/shared/admin-ui.tsx';

type Figure = 'visitors' | 'matters' | 'closedOnSpot' | 'open' | 'raised' | 'resolved';
const figures: { key: Figure; label: string }[] = [
  { key: 'visitors', label: '接待人次' },
  { key: 'matters', label: '反映事项' },
  { key: 'closedOnSpot', label: '当场办结' },
  { key: 'open', label: '待处理' },
  { key: 'raised', label: '转为微建议' },
  { key: 'resolved', label: '微建议已办结' },
];

/** A figure's name with its definition on hover. */
function FigureTitle({ label, definition }: { label: string; definition?: string }) {
  const t = useT();
  return (
    <span>
      {t(label)}{' '}
      {definition ? (
        <Tooltip title={t(definition)}>
          <QuestionCircleOutlined aria-label={t(definition)} />
        </Tooltip>
      ) : null}
    </span>
  );
}

/** The totals as statistics (one station's, or all stations'). */
export function CountTiles({ counts }: { counts: StationCounts }) {
  const t = useT();
  return (
    <Row gutter={[12, 12]}>
      {figures.map((figure) => (
        <Col key={figure.key} xs={8} md={4}>
          <Card size="small">
            <Statistic title={t(figure.label)} value={counts.total[figure.key]} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** Counts per station with the figures' definitions; cards on a phone. */
export function StationCountsTable({ counts, loading }: { counts: StationCounts | undefined; loading: boolean }) {
  const t = useT();
  const w = useWidthScale();
  const phone = useIsPhone();
  const rows = counts?.items ?? [];
  if (phone) {
    return (
      <Row gutter={[12, 12]}>
        {rows.map((row) => (
          <Col key={row.stationId} span={24}>
            <Card size="small" title={t(row.stationName)}>
              <Row gutter={[8, 8]}>
                {figures.map((figure) => (
                  <Col key={figure.key} span={8}>
                    <Statistic title={t(figure.label)} value={row[figure.key]} />
                  </Col>
                ))}
              </Row>
            </Card>
          </Col>
        ))}
      </Row>
    );
  }
  return (
    <Card size="small" style={tableCardStyle}>
      <Table<StationCountRow>
        rowKey="stationId"
        size="middle"
        loading={loading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: w(900) }}
        columns={[
          { title: t('联络站 / 工作室'), dataIndex: 'stationName', render: (name: string) => t(name) },
          ...figures.map((figure) => ({
            title: <FigureTitle label={figure.label} definition={counts?.definitions[figure.key]} />,
            dataIndex: figure.key,
            width: w(120),
            align: 'right' as const,
          })),
        ]}
        summary={() =>
          counts && rows.length > 1 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <Typography.Text strong>{t('合计')}</Typography.Text>
              </Table.Summary.Cell>
              {figures.map((figure, index) => (
                <Table.Summary.Cell key={figure.key} index={index + 1} align="right">
                  <Typography.Text strong>{counts.total[figure.key]}</Typography.Text>
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          ) : null
        }
      />
    </Card>
  );
}
