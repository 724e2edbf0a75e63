import { DownOutlined, FileDoneOutlined } from '@ant-design/icons';
import { Button, Card, Dropdown, Form, Input, Select, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { type ProposalKind, type ProposalSummary, proposalKinds } from '../../../../contracts/proposals.ts';
import { DictionarySelect } from '../../features/orgs/dictionary-select.tsx';
import { useDictionary } from '../../features/orgs/orgs-api.ts';
import { BulkFileModal } from '../../features/review/bulk-file-modal.tsx';
import { type PendingAction, ProposalActionHost } from '../../features/review/proposal-action-host.tsx';
import { proposalKindNames } from '../../features/review/proposal-names.ts';
import { type ReviewFilter, useReviewQueue } from '../../features/review/review-api.ts';
import { ReviewDrawer } from '../../features/review/review-drawer.tsx';
import { waitingDays } from '../../features/review/waiting-days.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useT } from '../admin/shared/admin-text.ts';
import {
  CursorPager,
  PageTitle,
  tableCardStyle,
  useFeedback,
  useFilterFieldStyle,
  useIsPhone,
  useWidthScale,
} from '../admin/shared/admin-ui.tsx';
import { currentCursor, firstPage } from '../admin/shared/cursor-pages.ts';
import { FilterBar } from '../admin/shared/filter-bar.tsx';
import { moreActionItems, ReviewQueueCards, WaitingDays } from './review-queue-cards.tsx';

/** What an action did, for the toast. */
const doneTexts: Record<string, string> = {
  file: '已立案',
  reject: '已不予立案',
  merge: '已并案',
  return: '已退回修改',
  convert: '已转为其他形式',
};

/** 提案审查: the review queue, longest waiting first, with bulk filing, quick actions and a side drawer. */
export function ReviewPage() {
  const t = useT();
  const w = useWidthScale();
  const phone = useIsPhone();
  const feedback = useFeedback();
  const fieldStyle = useFilterFieldStyle();
  const keywordStyle = useFilterFieldStyle(220);
  const [form] = Form.useForm<ReviewFilter>();
  const [filter, setFilter] = useState<ReviewFilter>({});
  const [pages, setPages] = useState(firstPage(20));
  const { data, isFetching, error } = useReviewQueue(filter, currentCursor(pages), pages.pageSize);
  const categories = useDictionary('proposal_category');
  const categoryNames = useMemo(() => new Map((categories.data ?? []).map((entry) => [entry.id, entry.name])), [categories.data]);
  const [selected, setSelected] = useState<Map<string, ProposalSummary>>(new Map());
  const [bulkRows, setBulkRows] = useState<ProposalSummary[] | null>(null);
  const [drawerId, setDrawerId] = useState<string | null>(null);
  const [pending, setPending] = useState<PendingAction | null>(null);
  const now = useMemo(() => new Date(), []);

  const search = (values: ReviewFilter) => {
    setFilter(
      Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined && value !== null && value !== '')),
    );
    setPages(firstPage(pages.pageSize));
  };
  const open = (proposalId: string, action: string, options?: { categoryId?: string }) =>
    setPending({ proposalId, action, ...options });
  const rows = data?.items ?? [];

  return (
    <div>
      {feedback.holder}
      <PageTitle
        title="提案审查"
        extra={
          <Button
            type="primary"
            icon={<FileDoneOutlined />}
            disabled={selected.size === 0}
            onClick={() => setBulkRows([...selected.values()])}
          >
            {t('批量立案')}
            {selected.size > 0 ? `（${selected.size}）` : ''}
          </Button>
        }
      />
      <FilterBar
        form={form}
        onSearch={search}
        more={
          <>
            <Form.Item name="categoryId" label={t('类别')}>
              <DictionarySelect kind="proposal_category" style={fieldStyle} placeholder="全部" />
            </Form.Item>
            <Form.Item name="kind" label={t('类型')}>
              <Select
                allowClear
                placeholder={t('全部')}
                style={fieldStyle}
                options={proposalKinds.map((kind) => ({ value: kind, label: t(proposalKindNames[kind]) }))}
              />
            </Form.Item>
          </>
        }
      >
        <Form.Item name="q" label={t('关键词')}>
          <Input allowClear placeholder={t('案由、关键词或提案人')} style={keywordStyle} maxLength={100} />
        </Form.Item>
      </FilterBar>
      <Card size="small" style={tableCardStyle}>
        {phone ? (
          <ReviewQueueCards
            rows={rows}
            loading={isFetching}
            emptyText={error ? t('加载失败，请刷新重试') : t('没有待审查的提案')}
            now={now}
            categoryNames={categoryNames}
            selected={new Set(selected.keys())}
            onSelect={(row, chosen) =>
              setSelected((current) => {
                const next = new Map(current);
                if (chosen) next.set(row.id, row);
                else next.delete(row.id);
                return next;
              })
            }
            onPreview={setDrawerId}
            onAction={open}
          />
        ) : (
          <Table<ProposalSummary>
            rowKey="id"
            size="middle"
            loading={isFetching}
            dataSource={rows}
            pagination={false}
            scroll={{ x: w(1080) }}
            locale={{ emptyText: error ? t('加载失败，请刷新重试') : t('没有待审查的提案') }}
            rowSelection={{
              selectedRowKeys: [...selected.keys()],
              preserveSelectedRowKeys: true,
              onChange: (_keys, chosen) => {
                const next = new Map(selected);
                for (const row of rows) next.delete(row.id);
                for (const row of chosen) if (row) next.set(row.id, row);
                setSelected(next);
              },
            }}
            columns={[
              {
                title: t('等待天数'),
                key: 'waiting',
                width: w(96),
                fixed: 'left',
                render: (_value, row) => <WaitingDays days={waitingDays(row.submittedAt, now)} />,
              },
              {
                title: t('案由'),
                dataIndex: 'title',
                width: w(340),
                render: (title: string, row) => <Link to={`/proposals/${row.id}`}>{t(title)}</Link>,
              },
              { title: t('提案人'), dataIndex: 'authorName', width: w(140), render: (name: string) => t(name) },
              {
                title: t('类型'),
                dataIndex: 'kind',
                width: w(96),
                render: (kind: ProposalKind) => t(proposalKindNames[kind]),
              },
              {
                title: t('类别'),
                dataIndex: 'categoryId',
                width: w(120),
                render: (id: string | null) => (id ? t(categoryNames.get(id) ?? '—') : '—'),
              },
              {
                title: t('提交时间'),
                dataIndex: 'submittedAt',
                width: w(170),
                render: (value: string | null) => formatDateTime(value),
              },
              {
                title: t('操作'),
                key: 'actions',
                fixed: 'right',
                width: w(190),
                render: (_value, row) => (
                  <Space size={0}>
                    <Button type="link" size="small" onClick={() => setDrawerId(row.id)}>
                      {t('预览')}
                    </Button>
                    <Button type="link" size="small" onClick={() => open(row.id, 'file')}>
                      {t('立案')}
                    </Button>
                    <Dropdown
                      trigger={['click']}
                      menu={{
                        items: moreActionItems.map((item) => ({ ...item, label: t(item.label) })),
                        onClick: ({ key }) => open(row.id, key),
                      }}
                    >
                      <Button type="link" size="small">
                        {t('更多')} <DownOutlined />
                      </Button>
                    </Dropdown>
                  </Space>
                ),
              },
            ]}
          />
        )}
        <CursorPager
          pages={pages}
          rowsOnPage={rows.length}
          nextCursor={data?.nextCursor}
          total={data?.total}
          loading={isFetching}
          onChange={setPages}
        />
        {selected.size > 0 ? (
          <Typography.Text type="secondary">
            {t('已选')} {selected.size} {t('件')} ·{' '}
            <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setSelected(new Map())}>
              {t('清除选择')}
            </Button>
          </Typography.Text>
        ) : null}
      </Card>
      <ReviewDrawer
        proposalId={drawerId}
        onClose={() => setDrawerId(null)}
        onAction={open}
        onMerged={() => {
          feedback.ok('已并案');
          setDrawerId(null);
        }}
        fail={feedback.fail}
      />
      <ProposalActionHost
        pending={pending}
        onClose={() => setPending(null)}
        onDone={(proposal) => {
          const action = pending?.action ?? '';
          setPending(null);
          setSelected((current) => {
            const next = new Map(current);
            next.delete(proposal.id);
            return next;
          });
          feedback.ok(
            action === 'file' && proposal.number ? `已立案，提案号第${proposal.number}号` : (doneTexts[action] ?? '已完成'),
          );
        }}
      />
      <BulkFileModal
        rows={bulkRows}
        onClose={() => setBulkRows(null)}
        onFinished={() => {
          setBulkRows(null);
          setSelected(new Map());
        }}
      />
    </div>
  );
}
