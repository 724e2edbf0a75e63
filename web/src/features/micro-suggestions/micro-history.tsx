import { Card, Empty, Timeline, Typography } from 'antd';
import { formatDateTime } from '../../lib/format.ts';
import { useText } from '../../lib/i18n.tsx';
import { useMicroHistory } from './micro-api.ts';

/** The colour of a history step by its event type (decisions stand out). */
function stepColor(type: string): string {
  if (/decline|unpublish|dissatisf|reopen/.test(type)) return 'red';
  if (/merge|convert/.test(type)) return 'purple';
  if (/accept|transfer|take_on|resolve|publish|report/.test(type)) return 'green';
  return 'blue';
}

/** 办理过程: every step of the micro-suggestion from the event log, oldest first. */
export function MicroHistory({ itemId }: { itemId: string }) {
  const t = useText();
  const history = useMicroHistory(itemId);
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
