/**
 * 我的提案: the member's own proposals, the co-signing invitations awaiting their answer (同意 / 谢绝 right in the
 * row), and for the office (and other readers) all proposals they may read, with the full filter bar (kept in
 * the URL, so a reload or a shared link shows the same list) and the Excel export; a table on a desktop, cards
 * on a phone. The office enters collective proposals (录入集体提案) from here.
 */
import { DownloadOutlined, EditOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { useQueries } from '@tanstack/react-query';
import { Badge, Button, Card, Empty, Flex, Form, Input, List, Select, Space, Table, Tabs, Typography } from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { CoSignerAction, Proposal, ProposalState, ProposalSummary } from '../../../../contracts/proposals.ts';
import { proposalStates } from '../../../../contracts/proposals.ts';
import { usePhone } from '../../app/use-phone.ts';
import { useMe } from '../../features/auth/auth-api.ts';
import { useSessions } from '../../features/orgs/orgs-api.ts';
import { filterFromSearch, listQueryOf, type StaffListFilter, searchWithFilter } from '../../features/proposals/list-query.ts';
import { ProposalFilterBar } from '../../features/proposals/proposal-filter-bar.tsx';
import { coSignerActionNames, proposalNumberText, proposalStateNames } from '../../features/proposals/proposal-labels.ts';
import { ProposalStateTag } from '../../features/proposals/proposal-state-tag.tsx';
import {
  fetchProposal,
  type ProposalListFilter,
  type ProposalListTab,
  proposalKey,
  useAwaitingCount,
  useCoSignerAction,
  useProposalList,
} from '../../features/proposals/proposals-api.ts';
import { exportProposalList, useStaffProposalList } from '../../features/proposals/staff-list-api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useText } from '../../lib/i18n.tsx';
import {
  CursorPager,
  PageTitle,
  tableCardStyle,
  useFeedback,
  useFilterFieldStyle,
  useWidthScale,
} from '../admin/shared/admin-ui.tsx';
import { type CursorPages, currentCursor, firstPage } from '../admin/shared/cursor-pages.ts';
import { FilterBar } from '../admin/shared/filter-bar.tsx';

const listTabs: readonly ProposalListTab[] = ['mine', 'awaiting', 'all'];

/**
 * Cursor pages that start again from the first page whenever `key` (the tab, the filters) changes, without an
 * extra render of the old page.
 */
function usePagesFor(key: string) {
  const [paging, setPaging] = useState<{ key: string; pages: CursorPages }>({ key, pages: firstPage(20) });
  const pages = paging.key === key ? paging.pages : firstPage(paging.pages.pageSize);
  return [pages, (next: CursorPages) => setPaging({ key, pages: next })] as const;
}

/** The proposal list screen. */
export function ProposalsListPage() {
  const t = useText();
  const navigate = useNavigate();
  const feedback = useFeedback();
  const { data: me } = useMe();
  const [search, setSearch] = useSearchParams();
  const isMember = Boolean(me?.roles.includes('member') && me.memberId);
  const isOffice = Boolean(me?.roles.includes('proposal_office'));
  const tabs: ProposalListTab[] = [
    ...(isMember ? (['mine', 'awaiting'] as const) : []),
    ...(isMember && !isOffice ? [] : (['all'] as const)),
  ];
  const asked = search.get('tab') as ProposalListTab | null;
  const tab: ProposalListTab = asked && listTabs.includes(asked) && tabs.includes(asked) ? asked : (tabs[0] ?? 'all');
  const awaitingCount = useAwaitingCount(isMember);

  // The staff list's filters live in the URL; no session chosen means the current one.
  const searchText = search.toString();
  const staffFilter = useMemo(() => filterFromSearch(new URLSearchParams(searchText)), [searchText]);
  const sessions = useSessions();
  const currentSessionId = sessions.data?.find((session) => session.isCurrent)?.id ?? null;
  const staffQuery = listQueryOf(staffFilter, currentSessionId);
  const [exporting, setExporting] = useState(false);
  const runExport = async () => {
    setExporting(true);
    try {
      await exportProposalList(staffQuery);
    } catch (error) {
      feedback.fail(error);
    } finally {
      setExporting(false);
    }
  };

  const tabLabel = (key: ProposalListTab) => {
    if (key === 'mine') return t('我的提案');
    if (key === 'awaiting') {
      return (
        <Badge count={awaitingCount.data ?? 0} size="small" offset={[8, -2]}>
          {t('待我联名')}
        </Badge>
      );
    }
    return t(isOffice ? '全部提案' : '可查阅的提案');
  };

  return (
    <div>
      {feedback.holder}
      <PageTitle
        title={isMember ? '我的提案' : isOffice ? '全部提案' : '提案'}
        extra={
          <>
            {isMember ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/proposals/new')}>
                {t('写提案')}
              </Button>
            ) : null}
            {isOffice ? (
              <Button
                type={isMember ? 'default' : 'primary'}
                icon={<TeamOutlined />}
                onClick={() => navigate('/proposals/new?collective=1')}
              >
                {t('录入集体提案')}
              </Button>
            ) : null}
            {tab === 'all' ? (
              <Button icon={<DownloadOutlined />} loading={exporting} disabled={sessions.isPending} onClick={runExport}>
                {t('导出Excel')}
              </Button>
            ) : null}
          </>
        }
      />
      {tabs.length > 1 ? (
        <Tabs
          activeKey={tab}
          onChange={(key) => {
            const next = new URLSearchParams(search);
            next.set('tab', key);
            setSearch(next);
          }}
          items={tabs.map((key) => ({ key, label: tabLabel(key) }))}
          style={{ marginBottom: 4 }}
        />
      ) : null}
      {tab === 'all' ? (
        <StaffProposalList
          filter={staffFilter}
          query={staffQuery}
          ready={!sessions.isPending}
          sessions={sessions.data ?? []}
          currentSessionId={currentSessionId}
          onSearch={(filter) => setSearch(searchWithFilter(search, filter))}
        />
      ) : (
        <MemberProposalList tab={tab} />
      )}
    </div>
  );
}

/** 全部提案: every proposal the reader may see, filtered as the URL says. */
function StaffProposalList(props: {
  filter: StaffListFilter;
  query: Record<string, string>;
  ready: boolean;
  sessions: NonNullable<ReturnType<typeof useSessions>['data']>;
  currentSessionId: string | null;
  onSearch: (filter: StaffListFilter) => void;
}) {
  const t = useText();
  const phone = usePhone();
  const w = useWidthScale();
  const [pages, setPages] = usePagesFor(JSON.stringify(props.query));
  const list = useStaffProposalList(props.query, currentCursor(pages), pages.pageSize, props.ready);
  const rows = list.data?.items ?? [];
  const emptyText = list.error ? t('加载失败，请刷新重试') : t('没有符合条件的提案');
  return (
    <>
      <ProposalFilterBar
        filter={props.filter}
        sessions={props.sessions}
        currentSessionId={props.currentSessionId}
        onSearch={props.onSearch}
      />
      <Card size="small" style={tableCardStyle}>
        {phone ? (
          <ProposalCards
            rows={rows}
            loading={list.isFetching || !props.ready}
            emptyText={emptyText}
            extra={(row) =>
              row.filedAt ? (
                <Typography.Text type="secondary" style={{ fontSize: '0.9em' }}>
                  {t('立案于')} {formatDateTime(row.filedAt)}
                </Typography.Text>
              ) : null
            }
          />
        ) : (
          <Table<ProposalSummary>
            rowKey="id"
            size="middle"
            loading={list.isFetching || !props.ready}
            dataSource={rows}
            pagination={false}
            scroll={{ x: w(960) }}
            locale={{ emptyText }}
            columns={[
              {
                title: t('提案号'),
                dataIndex: 'number',
                width: w(110),
                render: (number: string | null) =>
                  number ? t(proposalNumberText(number)) : <Typography.Text type="secondary">—</Typography.Text>,
              },
              {
                title: t('案由'),
                dataIndex: 'title',
                ellipsis: true,
                render: (title: string, row) => <Link to={`/proposals/${row.id}`}>{title}</Link>,
              },
              {
                title: t('提案人'),
                dataIndex: 'authorName',
                width: w(150),
                ellipsis: true,
                render: (name: string, row) =>
                  row.authorType === 'collective' ? (
                    <span>
                      {name} <Typography.Text type="secondary">({t('集体')})</Typography.Text>
                    </span>
                  ) : (
                    name
                  ),
              },
              {
                title: t('状态'),
                dataIndex: 'state',
                width: w(120),
                render: (state: string, row) => <ProposalStateTag state={state} name={row.stateName} />,
              },
              {
                title: t('提交时间'),
                dataIndex: 'submittedAt',
                width: w(160),
                render: (value: string | null) => formatDateTime(value),
              },
              {
                title: t('立案时间'),
                dataIndex: 'filedAt',
                width: w(160),
                render: (value: string | null) => formatDateTime(value),
              },
            ]}
          />
        )}
        <CursorPager
          pages={pages}
          rowsOnPage={rows.length}
          nextCursor={list.data?.nextCursor}
          total={list.data?.total}
          loading={list.isFetching}
          onChange={setPages}
        />
      </Card>
    </>
  );
}

/** 我的提案 and 待我联名: the member's own proposals and the invitations awaiting their answer. */
function MemberProposalList({ tab }: { tab: ProposalListTab }) {
  const t = useText();
  const phone = usePhone();
  const w = useWidthScale();
  const navigate = useNavigate();
  const feedback = useFeedback();
  const { data: me } = useMe();
  const [form] = Form.useForm<ProposalListFilter>();
  // A link may name a state (the workbench's 我的草稿: ?tab=mine&state=draft); it is the filter's first value.
  const [search] = useSearchParams();
  const linkedState = proposalStates.find((state) => state === search.get('state'));
  const [filter, setFilter] = useState<ProposalListFilter>(() => (linkedState ? { state: linkedState } : {}));
  const [pages, setPages] = usePagesFor(`${tab} ${JSON.stringify(filter)}`);
  const list = useProposalList(tab, filter, currentCursor(pages), pages.pageSize);
  const rows = list.data?.items ?? [];

  // In the inbox, each row's answer buttons come from the invitation's own `actions` in the proposal's detail.
  const details = useQueries({
    queries: (tab === 'awaiting' ? rows : []).map((row) => ({
      queryKey: proposalKey(row.id),
      queryFn: () => fetchProposal(row.id),
    })),
  });
  const detailOf = (id: string): Proposal | undefined => details.find((item) => item.data?.id === id)?.data;
  const act = useCoSignerAction();
  const answer = async (proposal: Proposal, memberId: string, action: CoSignerAction) => {
    try {
      await act.mutateAsync({ id: proposal.id, memberId, action });
      feedback.ok(action === 'accept' ? '已同意联名' : '已谢绝联名');
    } catch (error) {
      feedback.fail(error);
    }
  };

  const rowActions = (row: ProposalSummary) => {
    if (tab === 'awaiting') {
      const proposal = detailOf(row.id);
      const mine =
        proposal?.coSigners.find((item) => item.memberId === me?.memberId) ??
        proposal?.coSigners.find((item) => item.actions.length > 0);
      const answers = (mine?.actions ?? []).filter((action) => action !== 'cancel');
      if (!proposal || !mine || answers.length === 0) {
        return (
          <Button size="small" type="link" onClick={() => navigate(`/proposals/${row.id}`)}>
            {t('查看')}
          </Button>
        );
      }
      return (
        <Space size={4} wrap>
          {answers.map((action) => (
            <Button
              key={action}
              size="small"
              type={action === 'accept' ? 'primary' : 'default'}
              loading={act.isPending && act.variables?.id === row.id}
              onClick={() => answer(proposal, mine.memberId, action)}
            >
              {t(coSignerActionNames[action])}
            </Button>
          ))}
        </Space>
      );
    }
    const editable = tab === 'mine' && (row.state === 'draft' || row.state === 'returned');
    return (
      <Space size={0} wrap>
        <Button size="small" type="link" onClick={() => navigate(`/proposals/${row.id}`)}>
          {t('查看')}
        </Button>
        {editable ? (
          <Button size="small" type="link" icon={<EditOutlined />} onClick={() => navigate(`/proposals/${row.id}/edit`)}>
            {t('修改')}
          </Button>
        ) : null}
      </Space>
    );
  };

  const emptyText = list.error
    ? t('加载失败，请刷新重试')
    : tab === 'awaiting'
      ? t('没有等待您答复的联名邀请')
      : t('还没有提案，点“写提案”开始');

  return (
    <>
      {feedback.holder}
      <ListFilters
        form={form}
        initialState={linkedState}
        onSearch={(values) => setFilter({ q: values.q?.trim() || undefined, state: values.state || undefined })}
      />
      <Card size="small" style={tableCardStyle}>
        {phone ? (
          <ProposalCards rows={rows} loading={list.isFetching} emptyText={emptyText} extra={rowActions} />
        ) : (
          <Table<ProposalSummary>
            rowKey="id"
            size="middle"
            loading={list.isFetching}
            dataSource={rows}
            pagination={false}
            scroll={{ x: w(900) }}
            locale={{ emptyText }}
            columns={[
              {
                title: t('提案号'),
                dataIndex: 'number',
                width: w(110),
                render: (number: string | null) =>
                  number ? t(proposalNumberText(number)) : <Typography.Text type="secondary">—</Typography.Text>,
              },
              {
                title: t('案由'),
                dataIndex: 'title',
                ellipsis: true,
                render: (title: string, row) => <Link to={`/proposals/${row.id}`}>{title}</Link>,
              },
              { title: t('提案人'), dataIndex: 'authorName', width: w(140), ellipsis: true },
              {
                title: t('状态'),
                dataIndex: 'state',
                width: w(120),
                render: (state: string, row) => <ProposalStateTag state={state} name={row.stateName} />,
              },
              {
                title: t('提交时间'),
                dataIndex: 'submittedAt',
                width: w(170),
                render: (value: string | null) => formatDateTime(value),
              },
              { title: t('操作'), key: 'actions', width: w(170), fixed: 'right', render: (_value, row) => rowActions(row) },
            ]}
          />
        )}
        <CursorPager
          pages={pages}
          rowsOnPage={rows.length}
          nextCursor={list.data?.nextCursor}
          total={list.data?.total}
          loading={list.isFetching}
          onChange={setPages}
        />
      </Card>
    </>
  );
}

/** The phone's list: one card per proposal, with `extra` (answer buttons, 立案 date…) at the end of its last line. */
function ProposalCards(props: {
  rows: ProposalSummary[];
  loading: boolean;
  emptyText: string;
  extra: (row: ProposalSummary) => ReactNode;
}) {
  const t = useText();
  return (
    <List
      loading={props.loading}
      dataSource={props.rows}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={props.emptyText} /> }}
      renderItem={(row) => (
        <List.Item style={{ display: 'block', paddingInline: 0 }}>
          <Flex vertical gap={6}>
            <Link to={`/proposals/${row.id}`} style={{ fontWeight: 600, fontSize: '1.05em' }}>
              {row.title}
            </Link>
            <Flex align="center" gap={8} wrap>
              <ProposalStateTag state={row.state} name={row.stateName} />
              <Typography.Text type="secondary">{t(proposalNumberText(row.number))}</Typography.Text>
              <Typography.Text type="secondary">{row.authorName}</Typography.Text>
            </Flex>
            <Flex justify="space-between" align="center" gap={8} wrap>
              <Typography.Text type="secondary" style={{ fontSize: '0.9em' }}>
                {row.submittedAt
                  ? `${t('提交于')} ${formatDateTime(row.submittedAt)}`
                  : `${t('更新于')} ${formatDateTime(row.updatedAt)}`}
              </Typography.Text>
              {props.extra(row)}
            </Flex>
          </Flex>
        </List.Item>
      )}
    />
  );
}

/** The search box and state filter of the member's tabs. */
function ListFilters(props: {
  form: ReturnType<typeof Form.useForm<ProposalListFilter>>[0];
  onSearch: (values: ProposalListFilter) => void;
  initialState?: ProposalState;
}) {
  const t = useText();
  const keywordStyle = useFilterFieldStyle(240);
  const fieldStyle = useFilterFieldStyle(150);
  return (
    <FilterBar
      form={props.form}
      onSearch={props.onSearch}
      initialValues={props.initialState ? { state: props.initialState } : undefined}
      more={
        <Form.Item name="state" label={t('状态')}>
          <Select<ProposalState>
            allowClear
            placeholder={t('全部')}
            style={fieldStyle}
            options={proposalStates.map((state) => ({ value: state, label: t(proposalStateNames[state]) }))}
          />
        </Form.Item>
      }
    >
      <Form.Item name="q" label={t('搜索')}>
        <Input allowClear placeholder={t('案由、关键词或提案人')} style={keywordStyle} maxLength={100} />
      </Form.Item>
    </FilterBar>
  );
}
