/**
 * 统计分析: the figures of a session — 立案率, 办复率, 按期办复率, 满意率, 见面率, each with its numerator and
 * denominator and its definition — the A/B/C shares and the overdue count; a table by group (承办单位, 类别, 界别,
 * 党派, 提案人类型) with the session total; bars of 办复率/满意率 by group and a pie of A/B/C; Excel and Word downloads.
 */
import { DownloadOutlined, FileWordOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Flex, Form, Row, Select, Skeleton, Table, Tooltip, Typography, theme } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  groupingNames,
  type RateKey,
  type Statistics,
  type StatisticsGrouping,
  type StatisticsRow,
  statisticsGroupings,
} from '../../../../contracts/statistics.ts';
import { useSessions } from '../../features/orgs/orgs-api.ts';
import { classPieOption, rateBarOption } from '../../features/statistics/chart-options.ts';
import { EChart } from '../../features/statistics/echart.tsx';
import { classShares, definitionOf, percentText, rateCards, rateText } from '../../features/statistics/rate-text.ts';
import { downloadStatisticsExcel, downloadStatisticsReport, useStatistics } from '../../features/statistics/statistics-api.ts';
import { SessionSelect } from '../../features/supervision/session-select.tsx';
import { formatDate } from '../../lib/format.ts';
import { useText } from '../../lib/i18n.tsx';
import {
  PageTitle,
  tableCardStyle,
  useFeedback,
  useFilterFieldStyle,
  useIsPhone,
  useWidthScale,
} from '../admin/shared/admin-ui.tsx';

/** The grouping of a URL value; units when none or unknown (the table most offices read first). */
function groupingOf(value: string | null): StatisticsGrouping {
  return statisticsGroupings.includes(value as StatisticsGrouping) ? (value as StatisticsGrouping) : 'unit';
}

/** One rate as a card: the percentage, numerator/denominator, and its definition. */
function RateCard(props: { name: string; rateKey: RateKey; statistics: Statistics }) {
  const t = useText();
  const { token } = theme.useToken();
  const rate = props.statistics.total.rates[props.rateKey];
  const definition = definitionOf(props.statistics.definitions, props.rateKey);
  return (
    <Card size="small" style={{ height: '100%' }}>
      <Flex vertical gap={4}>
        <Typography.Text type="secondary">
          {t(props.name)}{' '}
          {definition ? (
            <Tooltip title={t(definition)}>
              <QuestionCircleOutlined aria-label={t(`${props.name}的定义`)} />
            </Tooltip>
          ) : null}
        </Typography.Text>
        <Typography.Text strong style={{ fontSize: token.fontSizeHeading2, lineHeight: 1.2 }}>
          {percentText(rate)}
        </Typography.Text>
        <Typography.Text>{rate ? `（${rate.numerator}/${rate.denominator}）` : '—'}</Typography.Text>
        {definition ? (
          <Typography.Text type="secondary" style={{ fontSize: '0.85em' }}>
            {t(definition)}
          </Typography.Text>
        ) : null}
      </Flex>
    </Card>
  );
}

/** The session total: the five rates, the A/B/C shares, the overdue count. */
function TotalCards({ statistics }: { statistics: Statistics }) {
  const t = useText();
  const { token } = theme.useToken();
  const shares = classShares(statistics.total, statistics.resultClasses);
  const classDefinition = definitionOf(statistics.definitions, 'classShare');
  const overdueDefinition = definitionOf(statistics.definitions, 'overdue');
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      {rateCards.map((card) => (
        <Col key={card.key} xs={12} md={8} xl={4}>
          <RateCard name={card.name} rateKey={card.key} statistics={statistics} />
        </Col>
      ))}
      <Col xs={24} md={8} xl={4}>
        <Card size="small" style={{ height: '100%' }}>
          <Flex vertical gap={4}>
            <Typography.Text type="secondary">{t('逾期未办复')}</Typography.Text>
            <Typography.Text
              strong
              style={{
                fontSize: token.fontSizeHeading2,
                lineHeight: 1.2,
                color: statistics.total.overdue ? token.colorError : undefined,
              }}
            >
              {statistics.total.overdue}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: '0.85em' }}>
              {overdueDefinition ? t(overdueDefinition) : ''}
            </Typography.Text>
          </Flex>
        </Card>
      </Col>
      <Col xs={24}>
        <Card size="small">
          <Flex wrap gap={24} align="baseline">
            <Typography.Text type="secondary">
              {t('答复类别占比')}{' '}
              {classDefinition ? (
                <Tooltip title={t(classDefinition)}>
                  <QuestionCircleOutlined aria-label={t('答复类别占比的定义')} />
                </Tooltip>
              ) : null}
            </Typography.Text>
            {shares.map((share) => (
              <Tooltip key={share.code} title={t(share.name)}>
                <Typography.Text>
                  <Typography.Text strong>
                    {share.code}
                    {t('类')}
                  </Typography.Text>{' '}
                  {rateText(share.rate)}
                </Typography.Text>
              </Tooltip>
            ))}
          </Flex>
        </Card>
      </Col>
    </Row>
  );
}

/** The grouped table with the session total as its last row. */
function GroupTable({ statistics }: { statistics: Statistics }) {
  const t = useText();
  const w = useWidthScale();
  const byUnit = statistics.groupBy === 'unit';
  const rows = statistics.groupBy === 'none' ? [statistics.total] : statistics.rows;
  const rateColumn = (key: RateKey, title: string) => ({
    title: t(title),
    key,
    width: w(124),
    render: (_value: unknown, row: StatisticsRow) => rateText(row.rates[key]),
  });
  const countColumn = (key: 'assigned' | 'replied' | 'overdue', title: string) => ({
    title: t(title),
    dataIndex: key,
    width: w(72),
    align: 'right' as const,
  });
  return (
    <Table<StatisticsRow>
      rowKey={(row) => row.key ?? row.name}
      size="small"
      dataSource={rows}
      pagination={false}
      scroll={{ x: w(byUnit ? 1040 : 1240) }}
      locale={{ emptyText: <Empty description={t('这次会议还没有可统计的提案')} /> }}
      columns={[
        {
          title: t(groupingNames[statistics.groupBy] === '全部' ? '会议' : groupingNames[statistics.groupBy]),
          dataIndex: 'name',
          fixed: 'left',
          width: w(170),
          render: (name: string) => t(name),
        },
        ...(byUnit
          ? []
          : [
              {
                title: t('提交'),
                key: 'submitted',
                width: w(64),
                align: 'right' as const,
                render: (_value: unknown, row: StatisticsRow) => row.submitted ?? '—',
              },
              rateColumn('filingRate', '立案率'),
            ]),
        countColumn('assigned', byUnit ? '交办件' : '交办'),
        countColumn('replied', '已答复'),
        rateColumn('replyRate', '办复率'),
        rateColumn('onTimeRate', '按期办复率'),
        rateColumn('satisfactionRate', '满意率'),
        rateColumn('contactRate', '见面率'),
        ...statistics.resultClasses.map((item) => ({
          title: `${item.code}${t('类')}`,
          key: `class-${item.code}`,
          width: w(60),
          align: 'right' as const,
          render: (_value: unknown, row: StatisticsRow) => row.classes[item.code] ?? 0,
        })),
        countColumn('overdue', '逾期'),
      ]}
      summary={
        statistics.groupBy === 'none' || rows.length === 0
          ? undefined
          : () => (
              <Table.Summary fixed>
                <Table.Summary.Row style={{ fontWeight: 600 }}>
                  <Table.Summary.Cell index={0}>{t('合计')}</Table.Summary.Cell>
                  {byUnit ? null : (
                    <>
                      <Table.Summary.Cell index={1} align="right">
                        {statistics.total.submitted ?? '—'}
                      </Table.Summary.Cell>
                      <Table.Summary.Cell index={2}>{rateText(statistics.total.rates.filingRate)}</Table.Summary.Cell>
                    </>
                  )}
                  <Table.Summary.Cell index={3} align="right">
                    {statistics.total.assigned}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={4} align="right">
                    {statistics.total.replied}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={5}>{rateText(statistics.total.rates.replyRate)}</Table.Summary.Cell>
                  <Table.Summary.Cell index={6}>{rateText(statistics.total.rates.onTimeRate)}</Table.Summary.Cell>
                  <Table.Summary.Cell index={7}>{rateText(statistics.total.rates.satisfactionRate)}</Table.Summary.Cell>
                  <Table.Summary.Cell index={8}>{rateText(statistics.total.rates.contactRate)}</Table.Summary.Cell>
                  {statistics.resultClasses.map((item, index) => (
                    <Table.Summary.Cell key={item.code} index={9 + index} align="right">
                      {statistics.total.classes[item.code] ?? 0}
                    </Table.Summary.Cell>
                  ))}
                  <Table.Summary.Cell index={9 + statistics.resultClasses.length} align="right">
                    {statistics.total.overdue}
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              </Table.Summary>
            )
      }
    />
  );
}

/** The two charts side by side (stacked on a phone). */
function Charts({ statistics }: { statistics: Statistics }) {
  const t = useText();
  const phone = useIsPhone();
  const { token } = theme.useToken();
  const fontSize = Math.max(12, token.fontSize - 2);
  const groups = statistics.groupBy === 'none' ? 1 : Math.max(1, statistics.rows.length);
  const barHeight = phone ? Math.max(240, groups * (fontSize * 3.4) + 80) : 340;
  const bar = useMemo(() => rateBarOption(statistics, t, fontSize, phone), [statistics, t, fontSize, phone]);
  const pie = useMemo(() => classPieOption(statistics, t, fontSize), [statistics, t, fontSize]);
  const groupName = statistics.groupBy === 'none' ? '' : `${t('按')}${t(groupingNames[statistics.groupBy])}`;
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      <Col xs={24} lg={15}>
        <Card size="small" title={`${t('办复率与满意率')}${groupName ? `（${groupName}）` : ''}`}>
          <EChart option={bar} height={barHeight} ariaLabel={t('办复率与满意率柱状图')} />
        </Card>
      </Col>
      <Col xs={24} lg={9}>
        <Card size="small" title={t('答复类别（A/B/C）')}>
          {statistics.total.classified === 0 ? (
            <Empty description={t('还没有答复')} style={{ paddingBlock: 48 }} />
          ) : (
            <EChart option={pie} height={phone ? 280 : 340} ariaLabel={t('答复类别饼图')} />
          )}
        </Card>
      </Col>
    </Row>
  );
}

/** The 统计分析 screen. */
export function StatisticsPage() {
  const t = useText();
  const feedback = useFeedback();
  const phone = useIsPhone();
  const wideStyle = useFilterFieldStyle(230);
  const fieldStyle = useFilterFieldStyle(150);
  const sessions = useSessions();
  const [search, setSearch] = useSearchParams();
  const currentSessionId = sessions.data?.find((session) => session.isCurrent)?.id;
  const sessionId = search.get('sessionId') ?? currentSessionId;
  const groupBy = groupingOf(search.get('groupBy'));
  const statistics = useStatistics(sessionId, groupBy);
  const [downloading, setDownloading] = useState<'xlsx' | 'docx' | null>(null);

  const setParam = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(search);
    if (value) next.set(name, value);
    else next.delete(name);
    setSearch(next, { replace: true });
  };
  const download = async (kind: 'xlsx' | 'docx') => {
    if (!sessionId) return;
    setDownloading(kind);
    try {
      if (kind === 'xlsx') await downloadStatisticsExcel(sessionId, groupBy);
      else await downloadStatisticsReport(sessionId);
    } catch (error) {
      feedback.fail(error);
    } finally {
      setDownloading(null);
    }
  };

  const data = statistics.data;
  return (
    <div>
      {feedback.holder}
      <PageTitle
        title="统计分析"
        extra={
          <>
            <Button
              icon={<DownloadOutlined />}
              loading={downloading === 'xlsx'}
              disabled={!sessionId}
              onClick={() => void download('xlsx')}
            >
              {t('导出Excel')}
            </Button>
            <Button
              icon={<FileWordOutlined />}
              loading={downloading === 'docx'}
              disabled={!sessionId}
              onClick={() => void download('docx')}
            >
              {t('统计附表（Word）')}
            </Button>
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout={phone ? 'vertical' : 'inline'} style={{ rowGap: 12 }}>
          <Form.Item label={t('会议')} htmlFor="statistics-session">
            <SessionSelect
              id="statistics-session"
              sessions={sessions.data ?? []}
              loading={sessions.isPending}
              value={sessionId}
              onChange={(value) => setParam('sessionId', value)}
              style={wideStyle}
            />
          </Form.Item>
          <Form.Item label={t('分组')} htmlFor="statistics-group">
            <Select
              id="statistics-group"
              value={groupBy}
              onChange={(value: StatisticsGrouping) => setParam('groupBy', value)}
              options={statisticsGroupings.map((item) => ({
                value: item,
                label: t(item === 'none' ? '不分组' : groupingNames[item]),
              }))}
              style={fieldStyle}
            />
          </Form.Item>
          {data ? (
            <Form.Item>
              <Typography.Text type="secondary">
                {t('统计截至')} {formatDate(data.today)}
              </Typography.Text>
            </Form.Item>
          ) : null}
        </Form>
      </Card>
      {statistics.error ? (
        <Alert type="error" showIcon title={t('统计加载失败，请刷新重试')} style={{ marginBottom: 16 }} />
      ) : null}
      {!data ? (
        sessions.isPending || statistics.isPending ? (
          <Skeleton active paragraph={{ rows: 8 }} />
        ) : (
          <Empty description={t('请选择会议')} />
        )
      ) : (
        <div style={{ opacity: statistics.isPlaceholderData ? 0.6 : 1 }}>
          <TotalCards statistics={data} />
          <Charts statistics={data} />
          <Card
            size="small"
            style={tableCardStyle}
            title={`${t(data.sessionName)} · ${t(groupBy === 'none' ? '总体' : `按${groupingNames[groupBy]}`)}`}
          >
            <GroupTable statistics={data} />
          </Card>
        </div>
      )}
    </div>
  );
}
