/**
 * The results of 全文检索: each with its highlighted title and snippet, 提案 / 历史数据, number, state, session,
 * category and date; a proposal's title opens its detail (imported history has no page of its own). "加载更多" fetches the
 * next page after the last.
 */
import { Button, Empty, Flex, List, Skeleton, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { SearchHit } from '../../../../contracts/search.ts';
import { formatDate } from '../../lib/format.ts';
import { useText } from '../../lib/i18n.tsx';
import { proposalNumberText } from '../proposals/proposal-labels.ts';
import { ProposalStateTag } from '../proposals/proposal-state-tag.tsx';
import { HighlightedText } from './highlighted-text.tsx';
import { searchTypeNames } from './search-query.ts';

/** One result. */
function SearchResultItem({ hit, names }: { hit: SearchHit; names: SearchResultNames }) {
  const t = useText();
  const title = <HighlightedText parts={hit.titleParts} fallback={hit.title} />;
  const category = names.category(hit.categoryId);
  const session = names.session(hit.sessionId);
  return (
    <List.Item style={{ display: 'block', paddingInline: 0 }}>
      <Flex vertical gap={6} style={{ minWidth: 0 }}>
        <Typography.Text strong style={{ fontSize: '1.08em', overflowWrap: 'anywhere' }}>
          {hit.type === 'proposal' ? <Link to={`/proposals/${hit.id}`}>{title}</Link> : title}
        </Typography.Text>
        {hit.snippet.length > 0 ? (
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0, overflowWrap: 'anywhere' }}>
            <HighlightedText parts={hit.snippet} />
          </Typography.Paragraph>
        ) : null}
        <Flex align="center" gap={8} wrap>
          <Tag color={hit.type === 'proposal' ? 'blue' : 'purple'} style={{ marginInlineEnd: 0 }}>
            {t(searchTypeNames[hit.type])}
          </Tag>
          {hit.number ? <Typography.Text type="secondary">{t(proposalNumberText(hit.number))}</Typography.Text> : null}
          {hit.state ? <ProposalStateTag state={hit.state} /> : null}
          {session ? <Typography.Text type="secondary">{t(session)}</Typography.Text> : null}
          {category ? <Typography.Text type="secondary">{t(category)}</Typography.Text> : null}
          <Typography.Text type="secondary">{formatDate(hit.occurredAt)}</Typography.Text>
        </Flex>
      </Flex>
    </List.Item>
  );
}

/** The names of the ids a result carries (null: unknown or none). */
export type SearchResultNames = {
  category: (id: string | null) => string | null;
  session: (id: string | null) => string | null;
};

/** The list with its "加载更多". */
export function SearchResultList(props: {
  hits: SearchHit[];
  loading: boolean;
  loadingMore: boolean;
  hasMore: boolean;
  onMore: () => void;
  emptyText: string;
  names: SearchResultNames;
}) {
  const t = useText();
  if (props.loading && props.hits.length === 0) return <Skeleton active paragraph={{ rows: 6 }} />;
  return (
    <>
      <List
        dataSource={props.hits}
        rowKey={(hit) => `${hit.type}:${hit.id}`}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={props.emptyText} /> }}
        renderItem={(hit) => <SearchResultItem hit={hit} names={props.names} />}
      />
      {props.hasMore ? (
        <Flex justify="center" style={{ marginTop: 12 }}>
          <Button onClick={props.onMore} loading={props.loadingMore}>
            {t('加载更多')}
          </Button>
        </Flex>
      ) : props.hits.length > 0 ? (
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginTop: 12, marginBottom: 0 }}>
          {t('已显示全部结果')}
        </Typography.Paragraph>
      ) : null}
    </>
  );
}
