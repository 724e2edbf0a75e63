/** 评分: the units of an open appraisal with the member's own totals, each opening the score form. */
import { CheckCircleTwoTone } from '@ant-design/icons';
import { Alert, Button, Drawer, Flex, List, Progress, Typography } from 'antd';
import type { Appraisal } from '../../../../contracts/appraisal.ts';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { useDrawerSize } from '../../pages/admin/shared/admin-ui.tsx';
import { maxTotal, scoringProgress } from './appraisal-rules.ts';

/** The drawer; `appraisal` is the one scored, or null when closed. */
export function ScoringDrawer(props: {
  appraisal: Appraisal | null;
  onClose: () => void;
  onScore: (appraisal: Appraisal, unit: Appraisal['units'][number]) => void;
}) {
  const t = useT();
  const size = useDrawerSize(560);
  const appraisal = props.appraisal;
  const progress = appraisal ? scoringProgress(appraisal.units) : { scored: 0, total: 0 };
  return (
    <Drawer open={appraisal !== null} onClose={props.onClose} size={size} title={t('民主评议评分')} destroyOnHidden>
      {appraisal ? (
        <Flex vertical gap={12}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t(appraisal.title)}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t('评分表')}：{appraisal.criteria.map((criterion) => `${t(criterion.name)} ${criterion.max}`).join('、')}（
            {t('满分')} {maxTotal(appraisal.criteria)}）
          </Typography.Text>
          <Flex align="center" gap={12}>
            <Progress
              percent={progress.total ? Math.round((progress.scored / progress.total) * 100) : 0}
              style={{ flex: 1, margin: 0 }}
              showInfo={false}
            />
            <Typography.Text>
              {t('已评')} {progress.scored}/{progress.total}
            </Typography.Text>
          </Flex>
          {appraisal.state !== 'open' ? <Alert type="info" showIcon title={t('评分已结束')} /> : null}
          <List
            dataSource={appraisal.units}
            rowKey="unitId"
            renderItem={(unit) => (
              <List.Item
                style={{ paddingInline: 0 }}
                actions={
                  appraisal.state === 'open'
                    ? [
                        <Button
                          key="score"
                          type={unit.myTotal === null ? 'primary' : 'default'}
                          size="small"
                          onClick={() => props.onScore(appraisal, unit)}
                        >
                          {t(unit.myTotal === null ? '评分' : '修改')}
                        </Button>,
                      ]
                    : undefined
                }
              >
                <List.Item.Meta
                  avatar={unit.myTotal !== null ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : null}
                  title={t(unit.unitName)}
                  description={unit.myTotal !== null ? `${t('我的评分')}：${unit.myTotal} ${t('分')}` : t('未评分')}
                />
              </List.Item>
            )}
          />
        </Flex>
      ) : null}
    </Drawer>
  );
}
