/** A session's handling figures on the portal: each rate with its numerator, denominator and definition. */
import { QuestionCircleOutlined } from '@ant-design/icons';
import { Card, Col, Row, Skeleton, Statistic, Tooltip, Typography } from 'antd';
import { percentText } from '../features/statistics/rate-text.ts';
import { useText } from '../lib/i18n.tsx';
import { usePortalStatistics } from './portal-api.ts';

const shown = [
  ['replyRate', '办复率'],
  ['onTimeRate', '按期办复率'],
  ['satisfactionRate', '满意率'],
  ['contactRate', '见面率'],
] as const;

export function StatisticsCard({ org, sessionId }: { org: string; sessionId: string | undefined }) {
  const t = useText();
  const { data, isLoading } = usePortalStatistics(org, sessionId);
  if (!sessionId) return null;
  if (isLoading || !data) return <Card>{isLoading ? <Skeleton active /> : null}</Card>;
  const total = data.total;
  const definition = (key: string) => data.definitions.find((item) => item.key === key)?.definition;
  return (
    <Card title={`${t(data.sessionName)} · ${t('办理情况')}`} size="small">
      <Row gutter={[12, 12]}>
        <Col span={12}>
          <Statistic title={t('立案（件）')} value={total.filed ?? 0} styles={{ content: { fontSize: 22 } }} />
        </Col>
        <Col span={12}>
          <Statistic title={t('交办（件次）')} value={total.assigned} styles={{ content: { fontSize: 22 } }} />
        </Col>
        {shown.map(([key, name]) => {
          const rate = total.rates[key];
          return (
            <Col key={key} span={12}>
              <Statistic
                title={
                  <span>
                    {t(name)}{' '}
                    {definition(key) ? (
                      <Tooltip title={t(definition(key) ?? '')}>
                        <QuestionCircleOutlined aria-label={t(`${name}的定义`)} />
                      </Tooltip>
                    ) : null}
                  </span>
                }
                value={percentText(rate)}
                styles={{ content: { fontSize: 22 } }}
              />
              <Typography.Text type="secondary">
                {rate.numerator}/{rate.denominator}
              </Typography.Text>
            </Col>
          );
        })}
      </Row>
    </Card>
  );
}
