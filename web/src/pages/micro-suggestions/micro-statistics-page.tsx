/**
 * 微建议统计: for a span of months (by submission; this year by default) — raised, accepted, resolved, replied on
 * time, satisfaction and the average days to resolve, each rate with its numerator and denominator and its
 * definition — by unit, street (place), category or month, with a bar chart and the Excel download.
 */
import { DownloadOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Flex, Row, Segmented, Skeleton, Table, Tooltip, Typography, theme } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import {
  type MicroGrouping,
  type MicroStatisticsRow,
  microGroupingNames,
  microGroupings,
} from '../../../../contracts/micro-suggestions.ts';
import { downloadMicroStatistics, useMicroStatistics } from '../../features/micro-suggestions/micro-api.ts';
import {
  averageDaysText,
  headlineFigures,
  raisedResolvedOption,
  rateWithCounts,
} from '../../features/micro-suggestions/micro-statistics-rules.ts';
import { EChart } from '../../features/statistics/echart.tsx';
import { errorMessage } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { useText } from '../../lib/i18n.tsx';
import { PageTitle, tableCardStyle, useFeedback, useIsPhone, useWidthScale } from '../admin/shared/admin-ui.tsx';

/** The screen. */
export function MicroStatisticsPage() {
  const t = useText();
  const phone = useIsPhone();
  const w = useWidthScale();
  const { token } = theme.useToken();
  const feedback = useFeedback();
  const [groupBy, setGroupBy] = useState<MicroGrouping>('unit');
  const [span, setSpan] = useState<{ from?: string; to?: string }>({});
  const query = { ...span, groupBy };
  const statistics = useMicroStatistics(query);
  const data = statistics.data;
  const [downloading, setDownloading] = useState(false);
  const option = useMemo(() => (data ? raisedResolvedOption(data, t, token.fontSize) : null), [data, t, token.fontSize]);
  const definition = (key: string) => data?.definitions.find((item) => item.key === key)?.definition ?? null;

  const download = async () => {
    setDownloading(true);
    try {
      await downloadMicroStatistics({ from: data?.from ?? span.from, to: data?.to ?? span.to, groupBy });
    } catch (error) {
      feedback.fail(error);
    } finally {
      setDownloading(false);
    }
  };

  const range = data ? [dayjs(`${data.from}-01`), dayjs(`${data.to}-01`)] : null;
  return (
    <div>
      {feedback.holder}
      <PageTitle
        title="微建议统计"
        extra={
          <Button icon={<DownloadOutlined />} loading={downloading} disabled={!data} onClick={download}>
            {t('导出Excel')}
          </Button>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap align="center">
          <Typography.Text>{t('提交月份')}</Typography.Text>
          <DatePicker.RangePicker
            picker="month"
            allowClear={false}
            value={range as [dayjs.Dayjs, dayjs.Dayjs] | null}
            onChange={(values) =>
              setSpan(values?.[0] && values[1] ? { from: values[0].format('YYYY-MM'), to: values[1].format('YYYY-MM') } : {})
            }
            style={phone ? { width: '100%' } : undefined}
          />
          <Segmented
            aria-label={t('分组')}
            value={groupBy}
            onChange={(value) => setGroupBy(value as MicroGrouping)}
            options={microGroupings
              .filter((grouping) => grouping !== 'none')
              .map((grouping) => ({ value: grouping, label: t(`按${microGroupingNames[grouping]}`) }))}
            style={phone ? { width: '100%', overflowX: 'auto' } : undefined}
          />
        </Flex>
      </Card>
      {statistics.isError ? <Alert type="error" showIcon title={t(errorMessage(statistics.error))} /> : null}
      {statistics.isLoading ? <Skeleton active /> : null}
      {data ? (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
            {headlineFigures(data.total).map((figure) => {
              const text = definition(figure.key);
              return (
                <Col key={figure.key} xs={12} md={8} xl={4}>
                  <Card size="small" style={{ height: '100%' }}>
                    <Flex vertical gap={2}>
                      <Typography.Text type="secondary">
                        {t(figure.name)}{' '}
                        {text ? (
                          <Tooltip title={t(text)}>
                            <QuestionCircleOutlined aria-label={t(`${figure.name}的定义`)} />
                          </Tooltip>
                        ) : null}
                      </Typography.Text>
                      <Typography.Text strong style={{ fontSize: token.fontSizeHeading3, lineHeight: 1.3 }}>
                        {t(figure.value)}
                      </Typography.Text>
                      <Typography.Text type="secondary" style={{ fontSize: '0.85em' }}>
                        {t(figure.detail)}
                      </Typography.Text>
                    </Flex>
                  </Card>
                </Col>
              );
            })}
          </Row>
          {option && data.rows.some((row) => row.raised > 0) ? (
            <Card size="small" title={t(`提出与办结（按${microGroupingNames[groupBy]}）`)} style={{ marginBottom: 16 }}>
              <EChart option={option} height={phone ? 260 : 320} ariaLabel={t('提出与办结柱状图')} />
            </Card>
          ) : null}
          <Card
            size="small"
            style={tableCardStyle}
            title={`${t(`按${microGroupingNames[groupBy]}`)} · ${data.from} ${t('至')} ${data.to}`}
            extra={
              <Typography.Text type="secondary" style={{ fontSize: '0.85em' }}>
                {t('统计日')} {formatDate(data.today)}
              </Typography.Text>
            }
          >
            <Table<MicroStatisticsRow>
              rowKey={(row) => row.key ?? row.name}
              size="small"
              dataSource={data.rows}
              pagination={false}
              scroll={{ x: w(1180) }}
              summary={() => (
                <Table.Summary fixed>
                  <TotalRow row={data.total} />
                </Table.Summary>
              )}
              columns={[
                {
                  title: t(microGroupingNames[groupBy]),
                  dataIndex: 'name',
                  fixed: 'left',
                  width: w(phone ? 110 : 170),
                  ellipsis: true,
                  render: (name: string) => t(name),
                },
                { title: t('提出'), dataIndex: 'raised', width: w(70), align: 'right' },
                { title: t('受理'), dataIndex: 'accepted', width: w(70), align: 'right' },
                { title: t('不予受理'), dataIndex: 'declined', width: w(90), align: 'right' },
                { title: t('转交单位'), dataIndex: 'transferred', width: w(90), align: 'right' },
                { title: t('委员领办'), dataIndex: 'takenOn', width: w(90), align: 'right' },
                { title: t('按期答复'), dataIndex: 'repliedOnTime', width: w(90), align: 'right' },
                { title: t('逾期未答复'), dataIndex: 'overdue', width: w(100), align: 'right' },
                { title: t('办结'), dataIndex: 'resolved', width: w(70), align: 'right' },
                {
                  title: t('按期答复率'),
                  key: 'onTimeRate',
                  width: w(140),
                  render: (_, row) => rateWithCounts(row.rates.onTimeRate),
                },
                {
                  title: t('满意率'),
                  key: 'satisfactionRate',
                  width: w(140),
                  render: (_, row) => rateWithCounts(row.rates.satisfactionRate),
                },
                {
                  title: t('平均办结天数'),
                  dataIndex: 'averageDaysToResolve',
                  width: w(120),
                  align: 'right',
                  render: (days: number | null) => t(averageDaysText(days)),
                },
              ]}
            />
          </Card>
          {data.definitions.length > 0 ? (
            <Card size="small" title={t('指标说明')} style={{ marginTop: 16 }}>
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {data.definitions.map((item) => (
                  <li key={item.key}>
                    <Typography.Text strong>{t(item.name)}</Typography.Text>：{t(item.definition)}
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

/** The total under the table. */
function TotalRow({ row }: { row: MicroStatisticsRow }) {
  const t = useText();
  const cells = [
    row.raised,
    row.accepted,
    row.declined,
    row.transferred,
    row.takenOn,
    row.repliedOnTime,
    row.overdue,
    row.resolved,
  ];
  return (
    <Table.Summary.Row style={{ fontWeight: 600 }}>
      <Table.Summary.Cell index={0}>{t('合计')}</Table.Summary.Cell>
      {cells.map((value, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: fixed columns in a fixed order
        <Table.Summary.Cell key={index} index={index + 1} align="right">
          {value}
        </Table.Summary.Cell>
      ))}
      <Table.Summary.Cell index={9}>{rateWithCounts(row.rates.onTimeRate)}</Table.Summary.Cell>
      <Table.Summary.Cell index={10}>{rateWithCounts(row.rates.satisfactionRate)}</Table.Summary.Cell>
      <Table.Summary.Cell index={11} align="right">
        {t(averageDaysText(row.averageDaysToResolve))}
      </Table.Summary.Cell>
    </Table.Summary.Row>
  );
}
