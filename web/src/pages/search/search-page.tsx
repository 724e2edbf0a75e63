/**
 * 全文检索: the staff's search over every proposal and the imported history, the words and filters kept in the
 * URL (so the header's box, a reload or a shared link opens the same results), highlighted titles and snippets,
 * and "加载更多" page after page.
 */
import { Alert, Card, Flex, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useDictionary, useSessions } from '../../features/orgs/orgs-api.ts';
import { useSearchResults } from '../../features/search/search-api.ts';
import { SearchFilterBar } from '../../features/search/search-filter-bar.tsx';
import { searchFilterFromParams, searchParamsOf, searchTotalText } from '../../features/search/search-query.ts';
import { SearchResultList } from '../../features/search/search-result-list.tsx';
import { errorMessage } from '../../lib/api.ts';
import { useText } from '../../lib/i18n.tsx';
import { PageTitle } from '../admin/shared/admin-ui.tsx';

/** The search screen. */
export function SearchPage() {
  const t = useText();
  const [params, setParams] = useSearchParams();
  const paramsText = params.toString();
  const filter = useMemo(() => searchFilterFromParams(new URLSearchParams(paramsText)), [paramsText]);
  const sessions = useSessions();
  const categories = useDictionary('proposal_category');
  const names = useMemo(() => {
    const categoryNames = new Map((categories.data ?? []).map((entry) => [entry.id, entry.name]));
    const sessionNames = new Map((sessions.data ?? []).map((session) => [session.id, session.name]));
    return {
      category: (id: string | null) => (id ? (categoryNames.get(id) ?? null) : null),
      session: (id: string | null) => (id ? (sessionNames.get(id) ?? null) : null),
    };
  }, [categories.data, sessions.data]);
  const results = useSearchResults(filter);
  const pages = results.data?.pages ?? [];
  const hits = pages.flatMap((page) => page.items);
  const first = pages[0];

  return (
    <div>
      <PageTitle title="全文检索" />
      <SearchFilterBar filter={filter} sessions={sessions.data ?? []} onSearch={(next) => setParams(searchParamsOf(next))} />
      <Card size="small">
        {!filter.q ? (
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t('在全部提案和导入的历史数据中检索标题与正文。繁体字也能找到对应的简体内容；加引号（如“数据共享”）搜索整个短语。')}
          </Typography.Paragraph>
        ) : results.isError && hits.length === 0 ? (
          <Alert type="error" showIcon title={t(errorMessage(results.error))} />
        ) : (
          <Flex vertical gap={8}>
            {first ? (
              <Flex align="center" gap={8} wrap>
                <Typography.Text strong>{t(searchTotalText(first.total, first.totalCapped))}</Typography.Text>
                {first.words.length > 0 ? (
                  <>
                    <Typography.Text type="secondary">{t('检索词')}：</Typography.Text>
                    {first.words.map((word) => (
                      <Tag key={word} style={{ marginInlineEnd: 0 }}>
                        {t(word)}
                      </Tag>
                    ))}
                  </>
                ) : null}
              </Flex>
            ) : null}
            <SearchResultList
              hits={hits}
              loading={results.isFetching && !results.isFetchingNextPage}
              loadingMore={results.isFetchingNextPage}
              hasMore={Boolean(results.hasNextPage)}
              onMore={() => void results.fetchNextPage()}
              emptyText={t('没有找到相关内容，换个词或减少筛选条件试试')}
              names={names}
            />
            {results.isFetchNextPageError ? <Alert type="warning" showIcon title={t(errorMessage(results.error))} /> : null}
          </Flex>
        )}
      </Card>
    </div>
  );
}
