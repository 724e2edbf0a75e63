/**
 * The filters of the staff proposal list: keyword, 会议, 状态, 类别, 承办单位, 提案人, 界别, 党派, 类型, 作者 and
 * 排序, applied with 查询 (重置 goes back to the current session). On a desktop the fields wrap in rows; on a
 * phone everything but the keyword folds into a panel whose toggle says how many filters are set.
 */
import { DownOutlined, ReloadOutlined, SearchOutlined, UpOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Form, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import type { Session } from '../../../../contracts/orgs.ts';
import { authorTypes, proposalKinds, proposalStates } from '../../../../contracts/proposals.ts';
import { useText } from '../../lib/i18n.tsx';
import { useFilterFieldStyle, useIsPhone } from '../../pages/admin/shared/admin-ui.tsx';
import { DictionarySelect } from '../orgs/dictionary-select.tsx';
import { MemberSelect } from '../people/member-select.tsx';
import { useMember } from '../people/members-api.ts';
import { UnitSelect } from '../people/unit-select.tsx';
import {
  ALL_SESSIONS,
  activeFilterCount,
  authorTypeNames,
  filterOfValues,
  proposalKindNames,
  proposalSortNames,
  proposalSorts,
  type StaffListFilter,
  staffFilterNames,
} from './list-query.ts';
import { proposalStateNames } from './proposal-labels.ts';
import { useUnitName } from './staff-list-api.ts';

type FilterValues = Partial<Record<keyof StaffListFilter, string | null>>;

/** The form's values of a filter: the session shown as chosen (the current one when none is in the URL). */
function valuesOf(filter: StaffListFilter, currentSessionId: string | null): FilterValues {
  const values: FilterValues = {};
  for (const name of staffFilterNames) values[name] = filter[name] ?? null;
  values.sessionId = filter.sessionId ?? currentSessionId ?? ALL_SESSIONS;
  values.sort = filter.sort ?? 'newest';
  return values;
}

/** The filter bar; `filter` is what the URL holds, `onSearch` writes a new one. */
export function ProposalFilterBar(props: {
  filter: StaffListFilter;
  sessions: Session[];
  currentSessionId: string | null;
  onSearch: (filter: StaffListFilter) => void;
}) {
  const { filter, sessions, currentSessionId, onSearch } = props;
  const t = useText();
  const phone = useIsPhone();
  const [expanded, setExpanded] = useState(false);
  const [form] = Form.useForm<FilterValues>();
  const keywordStyle = useFilterFieldStyle(220);
  const fieldStyle = useFilterFieldStyle(150);
  const wideStyle = useFilterFieldStyle(210);
  const member = useMember(filter.proposerMemberId ?? null);
  const unit = useUnitName(filter.unitId);

  // The URL is the truth: a reload, the back button or a shared link puts its filters into the form.
  const filterText = JSON.stringify(filter);
  useEffect(() => {
    form.setFieldsValue(valuesOf(JSON.parse(filterText) as StaffListFilter, currentSessionId));
  }, [filterText, currentSessionId, form]);

  const search = (values: FilterValues) => onSearch(filterOfValues(values));
  const reset = () => {
    form.setFieldsValue(valuesOf({}, currentSessionId));
    onSearch({});
  };
  const count = activeFilterCount(filter) + (filter.sessionId && filter.sessionId !== currentSessionId ? 1 : 0);
  const showMore = !phone || expanded;

  const sessionOptions = [
    { value: ALL_SESSIONS, label: t('全部会议') },
    ...sessions.map((session) => ({
      value: session.id,
      label: `${session.name.includes(session.termName) ? '' : `${t(session.termName)} `}${t(session.name)}${
        session.isCurrent ? t('（本次）') : ''
      }`,
    })),
  ];

  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Form<FilterValues>
        form={form}
        layout={phone ? 'vertical' : 'inline'}
        initialValues={valuesOf(filter, currentSessionId)}
        onFinish={search}
        style={{ rowGap: 12 }}
      >
        <Form.Item name="q" label={t('搜索')}>
          <Input allowClear placeholder={t('案由、关键词或提案人')} style={keywordStyle} maxLength={100} />
        </Form.Item>
        {/* Folded fields stay mounted (hidden) so their values still count. */}
        <div style={{ display: showMore ? 'contents' : 'none' }}>
          <Form.Item name="sessionId" label={t('会议')}>
            <Select style={wideStyle} options={sessionOptions} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
          <Form.Item name="state" label={t('状态')}>
            <Select
              allowClear
              placeholder={t('全部')}
              style={fieldStyle}
              options={proposalStates.map((state) => ({ value: state, label: t(proposalStateNames[state]) }))}
            />
          </Form.Item>
          <Form.Item name="categoryId" label={t('类别')}>
            <DictionarySelect kind="proposal_category" placeholder="全部" style={fieldStyle} />
          </Form.Item>
          <Form.Item name="unitId" label={t('承办单位')}>
            <UnitSelect style={wideStyle} current={unit.data ?? null} placeholder="全部" />
          </Form.Item>
          <Form.Item name="proposerMemberId" label={t('提案人')}>
            <MemberSelectSized style={wideStyle} current={member.data ? { id: member.data.id, name: member.data.name } : null} />
          </Form.Item>
          <Form.Item name="sectorId" label={t('界别')}>
            <DictionarySelect kind="sector" placeholder="全部" style={fieldStyle} />
          </Form.Item>
          <Form.Item name="partyId" label={t('党派')}>
            <DictionarySelect kind="party" placeholder="全部" style={fieldStyle} />
          </Form.Item>
          <Form.Item name="kind" label={t('类型')}>
            <Select
              allowClear
              placeholder={t('全部')}
              style={fieldStyle}
              options={proposalKinds.map((kind) => ({ value: kind, label: t(proposalKindNames[kind]) }))}
            />
          </Form.Item>
          <Form.Item name="authorType" label={t('作者')}>
            <Select
              allowClear
              placeholder={t('全部')}
              style={fieldStyle}
              options={authorTypes.map((type) => ({ value: type, label: t(authorTypeNames[type]) }))}
            />
          </Form.Item>
          <Form.Item name="sort" label={t('排序')}>
            <Select
              style={fieldStyle}
              options={proposalSorts.map((sort) => ({ value: sort, label: t(proposalSortNames[sort]) }))}
            />
          </Form.Item>
        </div>
        <Form.Item style={phone ? { marginBottom: 0 } : undefined}>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
              {t('查询')}
            </Button>
            <Button icon={<ReloadOutlined />} onClick={reset}>
              {t('重置')}
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

/** The member select at the filter's width (the shared select has none, so a wrapper sizes it). */
function MemberSelectSized(props: {
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
  style: React.CSSProperties;
  current: { id: string; name: string } | null;
}) {
  return (
    <div style={{ ...props.style, display: 'flex', flexDirection: 'column' }}>
      <MemberSelect id={props.id} value={props.value} onChange={props.onChange} current={props.current} />
    </div>
  );
}
