/**
 * 微建议办理: the office's list — 待处理 (submitted first, longest waiting first, then accepted ones awaiting a
 * transfer), 全部, 待公开, 已公开 — filtered by state, unit, place and month (kept in the URL); a table on a
 * desktop, cards on a phone. Each row opens the detail with the actions the server offers.
 */
import { Card, DatePicker, Form, Input, Select, Table, Tabs, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  type MicroSuggestionState,
  type MicroSuggestionSummary,
  microSuggestionStates,
} from '../../../../contracts/micro-suggestions.ts';
import { usePhone } from '../../app/use-phone.ts';
import { useMicroList } from '../../features/micro-suggestions/micro-api.ts';
import { microNumberText, microStateName } from '../../features/micro-suggestions/micro-labels.ts';
import {
  type MicroQueueFilter,
  type QueueView,
  queueFilterFromSearch,
  queueQueryOf,
  queueViewNames,
  queueViews,
  searchOfQueueFilter,
} from '../../features/micro-suggestions/micro-queue-filter.ts';
import { MicroRowCard } from '../../features/micro-suggestions/micro-row-card.tsx';
import { MicroStateTag } from '../../features/micro-suggestions/micro-state-tag.tsx';
import { UnitSelect } from '../../features/people/unit-select.tsx';
import { waitingDays } from '../../features/review/waiting-days.ts';
import { formatDate } from '../../lib/format.ts';
import { useText } from '../../lib/i18n.tsx';
import { CursorPager, PageTitle, tableCardStyle, useFilterFieldStyle, useWidthScale } from '../admin/shared/admin-ui.tsx';
import { type CursorPages, currentCursor, firstPage } from '../admin/shared/cursor-pages.ts';
import { FilterBar } from '../admin/shared/filter-bar.tsx';

type FilterValues = { state?: MicroSuggestionState; unitId?: string | null; place?: string; month?: Dayjs | null; q?: string };

/** The office's screen. */
export function MicroQueuePage() {
  const t = useText();
  const phone = usePhone();
  const w = useWidthScale();
  const fieldStyle = useFilterFieldStyle(168);
  const [search, setSearch] = useSearchParams();
  const searchText = search.toString();
  const filter = useMemo(() => queueFilterFromSearch(new URLSearchParams(searchText)), [searchText]);
  const query = queueQueryOf(filter);
  const key = JSON.stringify(query);
  const [paging, setPaging] = useState<{ key: string; pages: CursorPages }>({ key, pages: firstPage(20) });
  const pages = paging.key === key ? paging.pages : firstPage(paging.pages.pageSize);
  const list = useMicroList(query, currentCursor(pages), pages.pageSize);
  const rows = list.data?.items ?? [];
  const [form] = Form.useForm<FilterValues>();
  const detail = (id: string) => `/office/micro-suggestions/${id}`;

  const apply = (next: MicroQueueFilter) => setSearch(searchOfQueueFilter(next));
  const onSearch = (values: FilterValues) =>
    apply({
      view: filter.view,
      state: values.state,
      unitId: values.unitId ?? undefined,
      place: values.place?.trim() || undefined,
      month: values.month ? values.month.format('YYYY-MM') : undefined,
      q: values.q?.trim() || undefined,
    });

  const emptyText = list.error ? t('加载失败，请刷新重试') : t('没有符合条件的微建议');
  return (
    <div>
      <PageTitle title="微建议办理" />
      <Tabs
        activeKey={filter.view}
        onChange={(view) => apply({ ...filter, view: view as QueueView, state: undefined })}
        items={queueViews.map((view) => ({ key: view, label: t(queueViewNames[view]) }))}
        style={{ marginBottom: 4 }}
      />
      <FilterBar<FilterValues>
        key={filter.view}
        form={form}
        onSearch={onSearch}
        initialValues={{
          state: filter.state,
          unitId: filter.unitId,
          place: filter.place,
          month: filter.month ? dayjs(`${filter.month}-01`) : null,
          q: filter.q,
        }}
        more={
          <>
            {filter.view === 'all' ? (
              <Form.Item name="state" label={t('状态')}>
                <Select
                  allowClear
                  placeholder={t('全部状态')}
                  style={fieldStyle}
                  options={microSuggestionStates
                    .filter((state) => state !== 'draft')
                    .map((state) => ({ value: state, label: t(microStateName(state)) }))}
                />
              </Form.Item>
            ) : null}
            <Form.Item name="unitId" label={t('承办单位')}>
              <UnitSelect style={fieldStyle} placeholder="全部单位" />
            </Form.Item>
            <Form.Item name="place" label={t('地点')}>
              <Input allowClear placeholder={t('街道或社区')} style={fieldStyle} maxLength={50} />
            </Form.Item>
            <Form.Item name="month" label={t('提交月份')}>
              <DatePicker picker="month" style={fieldStyle} placeholder={t('选择月份')} />
            </Form.Item>
          </>
        }
      >
        <Form.Item name="q" label={t('标题')}>
          <Input allowClear placeholder={t('标题或编号')} style={fieldStyle} maxLength={100} />
        </Form.Item>
      </FilterBar>
      <Card size="small" style={tableCardStyle}>
        {phone ? (
          <div style={{ display: 'flex', flexDirection: 'column', gap: 10 }}>
            {rows.length === 0 && !list.isFetching ? <Typography.Text type="secondary">{emptyText}</Typography.Text> : null}
            {rows.map((row) => (
              <MicroRowCard key={row.id} row={row} to={detail(row.id)} showMember />
            ))}
          </div>
        ) : (
          <Table<MicroSuggestionSummary>
            rowKey="id"
            size="middle"
            loading={list.isFetching}
            dataSource={rows}
            pagination={false}
            scroll={{ x: w(1000) }}
            locale={{ emptyText }}
            columns={[
              {
                title: t('编号'),
                dataIndex: 'number',
                width: w(120),
                render: (number: string | null) => t(microNumberText(number)),
              },
              {
                title: t('标题'),
                dataIndex: 'title',
                ellipsis: true,
                render: (title: string, row) => <Link to={detail(row.id)}>{title}</Link>,
              },
              { title: t('地点'), dataIndex: 'place', width: w(140), ellipsis: true },
              { title: t('委员'), dataIndex: 'leadMemberName', width: w(84), ellipsis: true },
              {
                title: t('状态'),
                dataIndex: 'state',
                width: w(120),
                render: (state: string, row) => (
                  <span>
                    <MicroStateTag state={state} name={row.stateName} />
                    {row.published ? (
                      <Tag color="green" style={{ marginInlineStart: 4 }}>
                        {t('已公开')}
                      </Tag>
                    ) : null}
                  </span>
                ),
              },
              {
                title: t('承办单位'),
                dataIndex: 'unitName',
                width: w(140),
                ellipsis: true,
                render: (name: string | null, row) => (name ? t(name) : row.handlingMode === 'member' ? t('委员领办') : '—'),
              },
              {
                title: t('答复期限'),
                dataIndex: 'dueOn',
                width: w(120),
                render: (value: string | null) => formatDate(value),
              },
              {
                title: t('提交时间'),
                dataIndex: 'submittedAt',
                width: w(130),
                render: (value: string | null, row) => (
                  <span>
                    {formatDate(value)}
                    {row.state === 'submitted' && value ? (
                      <Typography.Text type="secondary" style={{ display: 'block', fontSize: '0.85em' }}>
                        {t('已等待')} {waitingDays(value)} {t('天')}
                      </Typography.Text>
                    ) : null}
                  </span>
                ),
              },
            ]}
          />
        )}
        <CursorPager
          pages={pages}
          rowsOnPage={rows.length}
          nextCursor={list.data?.nextCursor}
          loading={list.isFetching}
          onChange={(next) => setPaging({ key, pages: next })}
        />
      </Card>
    </div>
  );
}
