/**
 * 建议类别: the categories the model learned from the committee's history suggests for a proposal, with their
 * probabilities. While the proposal may be filed, clicking a suggestion (or its 采用 link) chooses it as the category
 * to file under; clicking the chosen one again, or the current one, goes back to the proposer's category.
 */
import { CheckOutlined } from '@ant-design/icons';
import { Button, Flex, Skeleton, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { useCategorySuggestions } from '../routing/routing-api.ts';
import { percentOf } from '../search/search-query.ts';

/** How many suggestions are shown. */
const SUGGESTIONS_SHOWN = 3;
/** Below this probability a suggestion (other than the best) is noise and is not shown. */
const SUGGESTION_MIN_SCORE = 0.05;

/**
 * The suggestions of one proposal; the one matching its current category is marked. With `onChoose`, a suggestion
 * can be chosen as the category to file under (`chosenCategoryId`); null goes back to the current category.
 */
export function CategorySuggestionList(props: {
  proposalId: string;
  currentCategoryId: string | null;
  chosenCategoryId?: string | null;
  onChoose?: (categoryId: string | null) => void;
}) {
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
  const choose = props.onChoose;
  const best = items[0];
  const bestAdoptable =
    choose && best && best.categoryId !== props.currentCategoryId && best.categoryId !== props.chosenCategoryId;
  return (
    <Flex vertical gap={4}>
      <Flex wrap gap={6} align="center">
        {items.map((item, index) => {
          const current = item.categoryId === props.currentCategoryId;
          const chosen = item.categoryId === props.chosenCategoryId && !current;
          const toggle = choose ? () => choose(chosen || current ? null : item.categoryId) : undefined;
          const tip = chosen
            ? t('已选为立案类别，再点一次撤销')
            : current
              ? t('与提案人选择的类别一致')
              : choose
                ? t('点击按此类别立案')
                : undefined;
          return (
            <Tooltip key={item.categoryId} title={tip}>
              <Tag
                color={chosen ? 'blue' : current ? 'green' : index === 0 ? 'gold' : 'default'}
                icon={chosen ? <CheckOutlined /> : undefined}
                role={toggle ? 'button' : undefined}
                tabIndex={toggle ? 0 : undefined}
                aria-pressed={toggle ? chosen : undefined}
                data-category-id={item.categoryId}
                onClick={toggle}
                onKeyDown={
                  toggle
                    ? (event) => {
                        if (event.key === 'Enter' || event.key === ' ') {
                          event.preventDefault();
                          toggle();
                        }
                      }
                    : undefined
                }
                style={{ marginInlineEnd: 0, paddingBlock: 2, cursor: toggle ? 'pointer' : undefined }}
              >
                {t(item.categoryName)} · {percentOf(item.score)}%{current ? ` · ${t('当前')}` : ''}
                {chosen ? ` · ${t('已选')}` : ''}
              </Tag>
            </Tooltip>
          );
        })}
        {bestAdoptable ? (
          <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => choose(best.categoryId)}>
            {t('采用')}“{t(best.categoryName)}”
          </Button>
        ) : null}
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: '0.85em' }}>
        {t('依据')} {formatNumber(data.model.exampleCount)} {t('条历史数据学习')} · {formatDateTime(data.model.trainedAt)}
      </Typography.Text>
    </Flex>
  );
}
