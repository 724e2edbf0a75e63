/**
 * The words and filters of 全文检索: the words (a quoted phrase stays together), 类型, 会议, 类别, 状态, 承办单位, the date
 * range and 排序. Enter or 搜索 runs the words; a changed filter applies at once. On a phone the fields stack and
 * everything but the words folds into a panel whose toggle says how many filters are set.
 */
import { DownOutlined, ReloadOutlined, SearchOutlined, UpOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Form, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import type { Session } from '../../../../contracts/orgs.ts';
import { useText } from '../../lib/i18n.tsx';
import { useFilterFieldStyle, useIsPhone } from '../../pages/admin/shared/admin-ui.tsx';
import { useMe } from '../auth/auth-api.ts';
import { DateField } from '../orgs/date-field.tsx';
import { DictionarySelect } from '../orgs/dictionary-select.tsx';
import { UnitSelect } from '../people/unit-select.tsx';
import { proposalStateNames } from '../proposals/proposal-labels.ts';
import { useUnitName } from '../proposals/staff-list-api.ts';
import {
  activeSearchFilterCount,
  SEARCH_QUERY_MAX,
  type SearchFilter,
  searchFilterFromParams,
  searchFilterNames,
  searchItemTypeOptions,
  searchSortNames,
  searchSorts,
} from './search-query.ts';
import { searchableStates } from './search-roles.ts';

type FilterValues = Partial<Record<keyof SearchFilter, string | null>>;

/** The form's values of a filter (the order shown as chosen). */
function valuesOf(filter: SearchFilter): FilterValues {
  const values: FilterValues = {};
  for (const name of searchFilterNames) values[name] = filter[name] ?? null;
  values.sort = filter.sort ?? 'relevance';
  return values;
}

/** The filter of the form's values, checked as the URL's would be. */
function filterOfValues(values: FilterValues): SearchFilter {
  const params = new URLSearchParams();
  for (const name of searchFilterNames) {
    const value = values[name];
    if (typeof value === 'string' && value.trim()) params.set(name, value.trim());
  }
  return searchFilterFromParams(params);
}

/** The bar; `filter` is what the URL holds, `onSearch` writes a new one. */
export function SearchFilterBar(props: { filter: SearchFilter; sessions: Session[]; onSearch: (filter: SearchFilter) => void }) {
  const { filter, sessions, onSearch } = props;
  const t = useText();
  const phone = useIsPhone();
  const [expanded, setExpanded] = useState(false);
  const [form] = Form.useForm<FilterValues>();
  const wordsStyle = useFilterFieldStyle(320);
  const fieldStyle = useFilterFieldStyle(140);
  const wideStyle = useFilterFieldStyle(200);
  const dateStyle = useFilterFieldStyle(150);
  const unit = useUnitName(filter.unitId);
  const me = useMe();
  const states = searchableStates(me.data?.roles ?? []);

  // The URL is the truth: a reload, the back button or the header's box puts its words and filters into the form.
  const filterText = JSON.stringify(filter);
  useEffect(() => {
    form.setFieldsValue(valuesOf(JSON.parse(filterText) as SearchFilter));
  }, [filterText, form]);

  const search = (values: FilterValues) => onSearch(filterOfValues(values));
  const reset = () => {
    const words = form.getFieldValue('q') as string | null;
    form.setFieldsValue(valuesOf({ q: words ?? '' }));
    onSearch({ q: words ?? '' });
  };
  const count = activeSearchFilterCount(filter);
  const showMore = !phone || expanded;
  const sessionOptions = sessions.map((session) => ({
    value: session.id,
    label: `${session.name.includes(session.termName) ? '' : `${t(session.termName)} `}${t(session.name)}${
      session.isCurrent ? t('（本次）') : ''
    }`,
  }));

  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Form<FilterValues>
        form={form}
        layout={phone ? 'vertical' : 'inline'}
        initialValues={valuesOf(filter)}
        onFinish={search}
        // A changed filter applies at once; the words wait for Enter or 搜索.
        onValuesChange={(changed) => {
          if (!('q' in changed) && filter.q) form.submit();
        }}
        style={{ rowGap: 12 }}
      >
        <Form.Item name="q" label={t('检索词')}>
          <Input
            allowClear
            autoFocus={!filter.q}
            placeholder={t('输入词语，空格分隔；加引号搜索整个短语')}
            style={wordsStyle}
            maxLength={SEARCH_QUERY_MAX}
            aria-label={t('检索词')}
          />
        </Form.Item>
        {/* Folded fields stay mounted (hidden) so their values still count. */}
        <div style={{ display: showMore ? 'contents' : 'none' }}>
          <Form.Item name="type" label={t('类型')}>
            <Select allowClear placeholder={t('全部')} style={fieldStyle} options={searchItemTypeOptions(t)} />
          </Form.Item>
          <Form.Item name="sessionId" label={t('会议')}>
            <Select
              allowClear
              placeholder={t('全部会议')}
              style={wideStyle}
              options={sessionOptions}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
          <Form.Item name="categoryId" label={t('类别')}>
            <DictionarySelect kind="proposal_category" placeholder="全部" style={fieldStyle} />
          </Form.Item>
          <Form.Item name="state" label={t('状态')}>
            <Select
              allowClear
              placeholder={t('全部')}
              style={fieldStyle}
              options={states.map((state) => ({ value: state, label: t(proposalStateNames[state]) }))}
            />
          </Form.Item>
          <Form.Item name="unitId" label={t('承办单位')}>
            <UnitSelect style={wideStyle} current={unit.data ?? null} placeholder="全部" />
          </Form.Item>
          <Form.Item name="from" label={t('起始日期')}>
            <DateSized style={dateStyle} placeholder={t('不限')} />
          </Form.Item>
          <Form.Item name="to" label={t('截止日期')}>
            <DateSized style={dateStyle} placeholder={t('不限')} />
          </Form.Item>
          <Form.Item name="sort" label={t('排序')}>
            <Select style={fieldStyle} options={searchSorts.map((sort) => ({ value: sort, label: t(searchSortNames[sort]) }))} />
          </Form.Item>
        </div>
        <Form.Item style={phone ? { marginBottom: 0 } : undefined}>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
              {t('搜索')}
            </Button>
            <Button icon={<ReloadOutlined />} onClick={reset}>
              {t('清除筛选')}
            </Button>
            {phone ? (
              <Button type="link" onClick={() => setExpanded(!expanded)} style={{ paddingInline: 4 }} aria-expanded={expanded}>
                {expanded ? t('收起筛选') : t('筛选条件')}
                {!expanded && count > 0 ? <Badge count={count} size="small" color="#1677ff" /> : null}
                {expanded ? <UpOutlined /> : <DownOutlined />}
              </Button>
            ) : null}
          </div>
        </Form.Item>
      </Form>
    </Card>
  );
}

/** The date field at the filter's width (the shared field fills its container). */
function DateSized(props: {
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
  style: React.CSSProperties;
  placeholder?: string;
}) {
  return (
    <div style={props.style}>
      <DateField id={props.id} value={props.value} onChange={props.onChange} placeholder={props.placeholder} />
    </div>
  );
}
