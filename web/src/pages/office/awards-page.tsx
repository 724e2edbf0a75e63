import { PlusOutlined, TrophyOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Segmented, Select, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { type Award, type AwardKind, awardKindNames } from '../../../../contracts/awards.ts';
import { useMe } from '../../features/auth/auth-api.ts';
import { AwardDialog } from '../../features/awards/award-dialog.tsx';
import {
  awardSubject,
  countByKind,
  currentYearInChina,
  defaultAwardYear,
  yearOptions,
} from '../../features/awards/award-rules.ts';
import { useAwards, useAwardYears } from '../../features/awards/awards-api.ts';
import { formatDate } from '../../lib/format.ts';
import { useT } from '../admin/shared/admin-text.ts';
import {
  PageTitle,
  tableCardStyle,
  useFeedback,
  useFilterFieldStyle,
  useIsPhone,
  useWidthScale,
} from '../admin/shared/admin-ui.tsx';

/** The colour of a kind's tag. */
const kindColor: Record<AwardKind, string> = { excellent_proposal: 'gold', model_unit: 'green' };

/** What the award is for, linked to the proposal when it is one. */
function AwardSubject({ award }: { award: Award }) {
  const t = useT();
  if (award.kind === 'excellent_proposal' && award.proposalId) {
    return <Link to={`/proposals/${award.proposalId}`}>{t(awardSubject(award))}</Link>;
  }
  return <>{t(awardSubject(award))}</>;
}

/** The awards as cards, for a phone. */
function AwardCards({ rows, loading, emptyText }: { rows: Award[]; loading: boolean; emptyText: string }) {
  const t = useT();
  if (!loading && rows.length === 0) return <Empty description={emptyText} />;
  return (
    <Spin spinning={loading}>
      <Flex vertical gap={12}>
        {rows.map((award) => (
          <Card key={award.id} size="small">
            <Flex vertical gap={6}>
              <Typography.Text>
                <Tag color={kindColor[award.kind]}>{t(award.kindName)}</Tag>
                {award.year} {t('年度')}
              </Typography.Text>
              <Typography.Text strong>
                <AwardSubject award={award} />
              </Typography.Text>
              {award.citation ? (
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                  {t(award.citation)}
                </Typography.Paragraph>
              ) : null}
            </Flex>
          </Card>
        ))}
      </Flex>
    </Spin>
  );
}

/** 表彰: the excellent proposals and model units of a year; the office records new ones. */
export function AwardsPage() {
  const t = useT();
  const w = useWidthScale();
  const phone = useIsPhone();
  const feedback = useFeedback();
  const filterStyle = useFilterFieldStyle(140);
  const me = useMe();
  const office = me.data?.roles.includes('proposal_office') ?? false;
  const thisYear = currentYearInChina();
  const awardYears = useAwardYears();
  // Until a year is chosen: the newest year that has awards (this year when none), as an office reads them.
  const [chosenYear, setYear] = useState<number | undefined | null>(null);
  const year = chosenYear === null ? defaultAwardYear(thisYear, awardYears.data ?? []) : chosenYear;
  const [kind, setKind] = useState<AwardKind | ''>('');
  const [granting, setGranting] = useState(false);
  const years = yearOptions(thisYear, awardYears.data ?? []);
  const { data, isFetching, error } = useAwards({ year, kind: kind || undefined });
  const yearAwards = useAwards({ year });
  const counts = countByKind(yearAwards.data ?? []);
  const rows = data ?? [];
  const emptyText = error ? t('加载失败，请刷新重试') : t(year ? `${year} 年度暂无表彰` : '暂无表彰');

  return (
    <div>
      {feedback.holder}
      <PageTitle
        title="表彰"
        extra={
          <>
            <Select
              aria-label={t('年度')}
              value={year ?? 0}
              onChange={(value: number) => setYear(value || undefined)}
              options={[...years.map((value) => ({ value, label: `${value} ${t('年度')}` })), { value: 0, label: t('全部年度') }]}
              style={filterStyle}
            />
            {office ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setGranting(true)}>
                {t('登记表彰')}
              </Button>
            ) : null}
          </>
        }
      />
      <Card size="small" style={tableCardStyle}>
        <Segmented<AwardKind | ''>
          value={kind}
          onChange={setKind}
          style={{ marginBottom: 16 }}
          options={[
            { value: '', label: `${t('全部')} ${counts.excellent_proposal + counts.model_unit}` },
            {
              value: 'excellent_proposal',
              label: `${t(awardKindNames.excellent_proposal)} ${counts.excellent_proposal}`,
              icon: <TrophyOutlined />,
            },
            { value: 'model_unit', label: `${t(phone ? '先进单位' : awardKindNames.model_unit)} ${counts.model_unit}` },
          ]}
        />
        {phone ? (
          <AwardCards rows={rows} loading={isFetching} emptyText={emptyText} />
        ) : (
          <Table<Award>
            rowKey="id"
            size="middle"
            loading={isFetching}
            dataSource={rows}
            pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
            scroll={{ x: w(960) }}
            locale={{ emptyText }}
            columns={[
              { title: t('年度'), dataIndex: 'year', width: w(90) },
              {
                title: t('表彰类型'),
                key: 'kind',
                width: w(160),
                render: (_value, award) => <Tag color={kindColor[award.kind]}>{t(award.kindName)}</Tag>,
              },
              {
                title: t('提案 / 承办单位'),
                key: 'subject',
                width: w(320),
                render: (_value, award) => <AwardSubject award={award} />,
              },
              {
                title: t('表彰事由'),
                dataIndex: 'citation',
                width: w(280),
                render: (citation: string | null) =>
                  citation ? (
                    <Typography.Paragraph
                      style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}
                      ellipsis={{ rows: 2, expandable: true }}
                    >
                      {t(citation)}
                    </Typography.Paragraph>
                  ) : (
                    '—'
                  ),
              },
              {
                title: t('登记日期'),
                dataIndex: 'awardedAt',
                width: w(120),
                render: (value: string) => formatDate(value),
              },
            ]}
          />
        )}
      </Card>
      <AwardDialog
        open={granting}
        year={year ?? thisYear}
        kind={kind || 'excellent_proposal'}
        years={years}
        onClose={() => setGranting(false)}
        onDone={() => {
          setGranting(false);
          feedback.ok('已登记表彰');
        }}
      />
    </div>
  );
}
