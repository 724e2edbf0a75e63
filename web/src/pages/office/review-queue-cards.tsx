import { DownOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Dropdown, Empty, Flex, Spin, Typography } from 'antd';
import { Link } from 'react-router';
import type { ProposalSummary } from '../../../../contracts/proposals.ts';
import { proposalKindNames } from '../../features/review/proposal-names.ts';
import { waitingDays, waitingTone } from '../../features/review/waiting-days.ts';
import { formatDate } from '../../lib/format.ts';
import { useT } from '../admin/shared/admin-text.ts';

/** The menu of a row's actions besides 立案. */
export const moreActionItems = [
  { key: 'reject', label: '不予立案', danger: true },
  { key: 'merge', label: '并案' },
  { key: 'return', label: '退回修改' },
  { key: 'convert', label: '转为其他形式' },
];

/** The days a proposal has waited, orange after a week and red after two. */
export function WaitingDays({ days, prefix }: { days: number | null; prefix?: boolean }) {
  const t = useT();
  const tone = waitingTone(days);
  return (
    <Typography.Text
      strong
      type={tone === 'red' ? 'danger' : tone === 'orange' ? 'warning' : undefined}
      style={{ whiteSpace: 'nowrap' }}
    >
      {prefix ? `${t('已等待')} ` : ''}
      {days === null ? '—' : `${days} ${t('天')}`}
    </Typography.Text>
  );
}

/** The review queue as cards, for a phone: one proposal a card with its waiting time and actions. */
export function ReviewQueueCards(props: {
  rows: ProposalSummary[];
  loading: boolean;
  emptyText: string;
  now: Date;
  categoryNames: Map<string, string>;
  selected: ReadonlySet<string>;
  onSelect: (row: ProposalSummary, selected: boolean) => void;
  onPreview: (id: string) => void;
  onAction: (id: string, action: string) => void;
}) {
  const t = useT();
  if (!props.loading && props.rows.length === 0) return <Empty description={props.emptyText} />;
  return (
    <Spin spinning={props.loading}>
      <Flex vertical gap={12}>
        {props.rows.map((row) => {
          const days = waitingDays(row.submittedAt, props.now);
          return (
            <Card key={row.id} size="small">
              <Flex gap={10} align="flex-start">
                <Checkbox
                  checked={props.selected.has(row.id)}
                  onChange={(event) => props.onSelect(row, event.target.checked)}
                  aria-label={`${t('选择')} ${t(row.title)}`}
                  style={{ marginTop: 2 }}
                />
                <Flex vertical gap={6} style={{ minWidth: 0, flex: 1 }}>
                  <Link to={`/proposals/${row.id}`} style={{ fontWeight: 600 }}>
                    {t(row.title)}
                  </Link>
                  <Flex wrap gap={6} align="center">
                    <WaitingDays days={days} prefix />
                    <Typography.Text type="secondary">
                      {t(row.authorName)} · {t(proposalKindNames[row.kind])}
                      {row.categoryId ? ` · ${t(props.categoryNames.get(row.categoryId) ?? '')}` : ''} ·{' '}
                      {formatDate(row.submittedAt)}
                    </Typography.Text>
                  </Flex>
                  <Flex wrap gap={8}>
                    <Button onClick={() => props.onPreview(row.id)}>{t('预览')}</Button>
                    <Button type="primary" onClick={() => props.onAction(row.id, 'file')}>
                      {t('立案')}
                    </Button>
                    <Dropdown
                      trigger={['click']}
                      menu={{
                        items: moreActionItems.map((item) => ({ ...item, label: t(item.label) })),
                        onClick: ({ key }) => props.onAction(row.id, key),
                      }}
                    >
                      <Button>
                        {t('更多')} <DownOutlined />
                      </Button>
                    </Dropdown>
                  </Flex>
                </Flex>
              </Flex>
            </Card>
          );
        })}
      </Flex>
    </Spin>
  );
}
