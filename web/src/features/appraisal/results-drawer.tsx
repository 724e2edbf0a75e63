/**
 * 评议结果: per unit the number of scorers, the average total and per criterion, and the rank; units with fewer
 * scores than the minimum have no average. The office publishes closed results from here.
 */
import { Alert, Button, Card, Drawer, Empty, Flex, Popconfirm, Skeleton, Table, Tag, Typography } from 'antd';
import type { Appraisal, AppraisalResults } from '../../../../contracts/appraisal.ts';
import { errorMessage } from '../../pages/admin/shared/admin-api.ts';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { useDrawerSize, useIsPhone, useWidthScale } from '../../pages/admin/shared/admin-ui.tsx';
import { useAppraisalResults } from './appraisal-api.ts';
import { appraisalActionTexts, appraisalStateColor, averageText, offeredAppraisalActions } from './appraisal-rules.ts';

type Row = AppraisalResults['items'][number];

/** The results as cards, for a phone. */
function ResultCards({ rows, appraisal, minScores }: { rows: Row[]; appraisal: Appraisal; minScores: number }) {
  const t = useT();
  return (
    <Flex vertical gap={8}>
      {rows.map((row) => (
        <Card key={row.unitId} size="small">
          <Flex vertical gap={4}>
            <Typography.Text strong>
              {row.rank !== null ? `${t('第')} ${row.rank} ${t('名')} · ` : ''}
              {t(row.unitName)}
            </Typography.Text>
            <Typography.Text>
              {t('平均分')}：{t(averageText(row, minScores))} · {t('评分人数')} {row.scorers}
            </Typography.Text>
            {row.valid ? (
              <Typography.Text type="secondary">
                {appraisal.criteria.map((criterion) => `${t(criterion.name)} ${row.criteria[criterion.key] ?? '—'}`).join('、')}
              </Typography.Text>
            ) : null}
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}

/** The drawer; `appraisal` is the one shown, or null when closed. */
export function ResultsDrawer(props: {
  appraisal: Appraisal | null;
  publishing: boolean;
  onClose: () => void;
  onPublish: (appraisal: Appraisal) => void;
}) {
  const t = useT();
  const w = useWidthScale();
  const phone = useIsPhone();
  const size = useDrawerSize(880);
  const appraisal = props.appraisal;
  const { data, isLoading, error } = useAppraisalResults(appraisal?.id ?? null);
  const rows = data?.items ?? [];
  const minScores = data?.minScores ?? appraisal?.minScores ?? 0;
  const canPublish = appraisal ? offeredAppraisalActions(appraisal).includes('publish') : false;
  return (
    <Drawer
      open={appraisal !== null}
      onClose={props.onClose}
      size={size}
      title={t('评议结果')}
      destroyOnHidden
      footer={
        appraisal && canPublish ? (
          <Popconfirm
            title={t('公布评议结果？')}
            description={t(appraisalActionTexts.publish.confirm)}
            okText={t('公布')}
            cancelText={t('取消')}
            onConfirm={() => props.onPublish(appraisal)}
          >
            <Button type="primary" loading={props.publishing}>
              {t('公布结果')}
            </Button>
          </Popconfirm>
        ) : null
      }
    >
      {appraisal ? (
        <Flex vertical gap={12}>
          <Flex wrap gap={8} align="center">
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t(appraisal.title)}
            </Typography.Title>
            <Tag color={appraisalStateColor(appraisal.state)}>{t(appraisal.stateName)}</Tag>
          </Flex>
          <Typography.Text type="secondary">
            {t('评分人数达到')} {minScores} {t('人的单位计平均分并排名；平均分保留一位小数，同分同名次。')}
          </Typography.Text>
          {appraisal.state === 'open' ? <Alert type="info" showIcon title={t('评分仍在进行，结果会随评分变化。')} /> : null}
          {isLoading ? <Skeleton active paragraph={{ rows: 4 }} /> : null}
          {error ? <Alert type="error" showIcon title={t(errorMessage(error))} /> : null}
          {data && rows.length === 0 ? <Empty description={t('还没有参评单位')} /> : null}
          {data && rows.length > 0 && phone ? <ResultCards rows={rows} appraisal={appraisal} minScores={minScores} /> : null}
          {data && rows.length > 0 && !phone ? (
            <Table<Row>
              rowKey="unitId"
              size="small"
              dataSource={rows}
              pagination={false}
              scroll={{ x: w(480 + appraisal.criteria.length * 110) }}
              columns={[
                { title: t('名次'), dataIndex: 'rank', width: w(64), render: (rank: number | null) => rank ?? '—' },
                { title: t('承办单位'), dataIndex: 'unitName', width: w(200), render: (name: string) => t(name) },
                { title: t('评分人数'), dataIndex: 'scorers', width: w(90), align: 'right' },
                {
                  title: t('平均分'),
                  key: 'average',
                  width: w(130),
                  align: 'right',
                  render: (_value, row) =>
                    row.valid ? (
                      <Typography.Text strong>{averageText(row, minScores)}</Typography.Text>
                    ) : (
                      <Typography.Text type="secondary">{t(averageText(row, minScores))}</Typography.Text>
                    ),
                },
                ...appraisal.criteria.map((criterion) => ({
                  title: `${t(criterion.name)}（${criterion.max}）`,
                  key: criterion.key,
                  width: w(110),
                  align: 'right' as const,
                  render: (_value: unknown, row: Row) =>
                    row.valid && row.criteria[criterion.key] !== undefined ? row.criteria[criterion.key].toFixed(1) : '—',
                })),
              ]}
            />
          ) : null}
        </Flex>
      ) : null}
    </Drawer>
  );
}
