/**
 * 相似提案: "has someone already proposed this?" — proposals (and imported history) like the one being written, by
 * title and keywords, each with its 相似度 and the key words both share.
 */
import { Card, Empty, Flex, List, Progress, Typography } from 'antd';
import { Link } from 'react-router';
import { useText } from '../../lib/i18n.tsx';
import { percentOf } from '../search/search-query.ts';
import { HistoryTypeTag, SessionName, SharedTerms } from '../search/similar-item-meta.tsx';
import { proposalNumberText } from './proposal-labels.ts';
import { ProposalStateTag } from './proposal-state-tag.tsx';
import { useSimilarProposals } from './proposals-api.ts';
import { useDebouncedValue } from './use-debounced-value.ts';

/** The colour of a similarity bar: red when nearly the same text, orange when close, blue otherwise. */
function barColor(score: number): string {
  return score >= 0.6 ? '#cf1322' : score >= 0.3 ? '#d46b08' : '#1d4ea1';
}

/** The similar items of a title and keywords (asked 800 ms after typing stops). */
export function SimilarPanel(props: { title: string; keywords: string[]; excludeId?: string; linkable?: boolean }) {
  const t = useText();
  const query = useDebouncedValue({ title: props.title ?? '', keywords: props.keywords ?? [] }, 800);
  const similar = useSimilarProposals(query.title, query.keywords, props.excludeId);
  const items = similar.data ?? [];
  return (
    <Card size="small" title={t('相似提案')} extra={<Typography.Text type="secondary">{t('本次及上次会议')}</Typography.Text>}>
      {query.title.trim().length < 2 ? (
        <Typography.Text type="secondary">{t('填写案由后，这里列出内容相近的提案，避免重复提出。')}</Typography.Text>
      ) : similar.isError ? (
        <Typography.Text type="secondary">{t('暂时无法查询相似提案')}</Typography.Text>
      ) : (
        <List
          size="small"
          loading={similar.isFetching && items.length === 0}
          dataSource={items.slice(0, 8)}
          rowKey={(item) => `${item.type ?? 'proposal'}:${item.id}`}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('没有发现相似的提案')} /> }}
          renderItem={(item) => (
            <List.Item style={{ paddingInline: 0 }}>
              <Flex vertical gap={4} style={{ width: '100%', minWidth: 0 }}>
                {props.linkable && item.type !== 'history' ? (
                  <Link to={`/proposals/${item.id}`}>{t(item.title)}</Link>
                ) : (
                  <Typography.Text>{t(item.title)}</Typography.Text>
                )}
                <Flex align="center" gap={8} wrap>
                  <HistoryTypeTag type={item.type} />
                  {item.type === 'history' ? (
                    item.number ? (
                      <Typography.Text type="secondary">{t(item.number)}</Typography.Text>
                    ) : null
                  ) : (
                    <Typography.Text type="secondary">{t(proposalNumberText(item.number))}</Typography.Text>
                  )}
                  {item.state ? <ProposalStateTag state={item.state} /> : null}
                  <SessionName sessionId={item.sessionId} />
                  <Flex align="center" gap={4} style={{ flex: 1, minWidth: 120 }}>
                    <Typography.Text type="secondary">{t('相似度')}</Typography.Text>
                    <Progress
                      percent={percentOf(item.score)}
                      size="small"
                      strokeColor={barColor(item.score)}
                      format={(percent) => `${percent}%`}
                      style={{ margin: 0, flex: 1 }}
                    />
                  </Flex>
                </Flex>
                <SharedTerms terms={item.sharedTerms} />
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
