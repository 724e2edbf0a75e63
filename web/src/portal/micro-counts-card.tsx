/** The portal's micro-suggestion figures: raised, resolved, average days to resolve (this year, or all years). */
import { Card, Col, Row, Skeleton, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useText } from '../lib/i18n.tsx';
import { usePortalMicroCounts } from './micro-suggestions-api.ts';

/** The card; `extra` sits in its header (a link to the list). */
export function MicroCountsCard({ org, year, extra }: { org: string; year?: number; extra?: ReactNode }) {
  const t = useText();
  const { data, isLoading, isError } = usePortalMicroCounts(org, year);
  if (isError) return null;
  const size = { content: { fontSize: 22 } };
  return (
    <Card size="small" title={`${t('微建议')} · ${year ? `${year}${t('年')}` : t('历年累计')}`} extra={extra}>
      {isLoading || !data ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : (
        <>
          <Row gutter={[12, 12]}>
            <Col span={8}>
              <Statistic title={t('提出（件）')} value={data.raised} styles={size} />
            </Col>
            <Col span={8}>
              <Statistic title={t('办结（件）')} value={data.resolved} styles={size} />
            </Col>
            <Col span={8}>
              <Statistic
                title={t('平均办结')}
                value={data.averageDaysToResolve === null ? '—' : data.averageDaysToResolve.toFixed(1)}
                suffix={data.averageDaysToResolve === null ? undefined : t('天')}
                styles={size}
              />
            </Col>
          </Row>
          <Typography.Text type="secondary" style={{ fontSize: '0.85em' }}>
            {t('平均办结天数：从提交到办结的自然日平均数。已公开')} {data.published} {t('件。')}
          </Typography.Text>
        </>
      )}
    </Card>
  );
}
