/**
 * 建议类别: the categories the model learned from the committee's history suggests for a proposal, with their
 * probabilities. Filing keeps the proposer's category (the office cannot change it there), so they are shown to
 * read, not applied.
 */
import { Flex, Skeleton, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { useCategorySuggestions } from '../routing/routing-api.ts';
import { percentOf } from '../search/search-query.ts';

/** How many suggestions are shown. */
const SUGGESTIONS_SHOWN = 3;
/** Below this probability a suggestion (other than the best) is noise and is not shown. */
const SUGGESTION_MIN_SCORE = 0.05;

/** The suggestions of one proposal; the one matching its current category is marked. */
export function CategorySuggestionList(props: { proposalId: string; currentCategoryId: string | null }) {
  const t = useT();
  const suggestions = useCategorySuggestions(props.proposalId);
  if (suggestions.isLoading) return <Skeleton.Input active size="small" />;
  if (suggestions.isError) return <Typography.Text type="secondary">{t('暂时无法获取建议')}</Typography.Text>;
  const data = suggestions.data;
  const items = (data?.items ?? [])
    .filter((item, index) => index === 0 || item.score >= SUGGESTION_MIN_SCORE)
    .slice(0, SUGGESTIONS_SHOWN);
  if (data?.model && items.length === 0) return <Typography.Text type="secondary">{t('暂无建议')}</Typography.Text>;
  if (!data?.model) {
    return (
      <Typography.Text type="secondary">
        {t('尚无可学习的历史数据，')}
        <Link to="/office/routing">{t('去导入')}</Link>
      </Typography.Text>
    );
  }
  return (
    <Flex vertical gap={4}>
      <Flex wrap gap={6}>
        {items.map((item, index) => {
          const current = item.categoryId === props.currentCategoryId;
          return (
            <Tooltip key={item.categoryId} title={current ? t('与提案人选择的类别一致') : undefined}>
              <Tag color={current ? 'green' : index === 0 ? 'gold' : 'default'} style={{ marginInlineEnd: 0, paddingBlock: 2 }}>
                {t(item.categoryName)} · {percentOf(item.score)}%{current ? ` · ${t('当前')}` : ''}
              </Tag>
            </Tooltip>
          );
        })}
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: '0.85em' }}>
        {t('依据')} {formatNumber(data.model.exampleCount)} {t('条历史数据学习')} · {formatDateTime(data.model.trainedAt)}
      </Typography.Text>
    </Flex>
  );
}
