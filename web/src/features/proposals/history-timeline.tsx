import { Card, Empty, Timeline, Typography } from 'antd';
import { formatDateTime } from '../../lib/format.ts';
import { useText } from '../../lib/i18n.tsx';
import { useProposalHistory } from './proposals-api.ts';

/** The colour of a history step by its event type (decisions stand out). */
function stepColor(type: string): string {
  if (/reject|withdraw|decline|cancel/.test(type)) return 'red';
  if (/return|adjust/.test(type)) return 'orange';
  if (/file|assign|accept|sign/.test(type)) return 'green';
  return 'blue';
}

/** 办理过程: every step of the proposal from the event log, oldest first. */
export function HistoryTimeline({ proposalId }: { proposalId: string }) {
  const t = useText();
  const history = useProposalHistory(proposalId);
  const items = history.data ?? [];
  return (
    <Card size="small" title={t('办理过程')} loading={history.isPending}>
      {history.isError ? (
        <Typography.Text type="secondary">{t('暂时无法加载办理过程')}</Typography.Text>
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('暂无记录')} />
      ) : (
        <Timeline
          style={{ marginTop: 8 }}
          items={items.map((item) => ({
            key: item.id,
            color: stepColor(item.type),
            content: (
              <div>
                <Typography.Text>{item.summary}</Typography.Text>
                <br />
                <Typography.Text type="secondary" style={{ fontSize: '0.9em' }}>
                  {formatDateTime(item.occurredAt)}
                  {item.actorName ? ` · ${item.actorName}` : ''}
                </Typography.Text>
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}
