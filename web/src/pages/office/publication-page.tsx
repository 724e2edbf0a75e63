/**
 * 公开审核: the replied proposals awaiting the office's publication decision (then those published and not), by
 * session; each opens the review drawer with the redacted public text; the undecided ones the proposer agreed to
 * publish and that are not secret can be published in bulk as they are.
 */
import { Button, Card, Empty, Flex, Form, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { ProposalSummary } from '../../../../contracts/proposals.ts';
import { useSessions } from '../../features/orgs/orgs-api.ts';
import { proposalNumberText } from '../../features/proposals/proposal-labels.ts';
import { type PublicationFilter, useBulkPublish, usePublicationQueue } from '../../features/publication/publication-api.ts';
import { PublicationDrawer } from '../../features/publication/publication-drawer.tsx';
import {
  bulkSelectable,
  bulkSummary,
  decisionColor,
  decisionName,
  publishBlocker,
} from '../../features/publication/publication-rules.ts';
import { SessionSelect } from '../../features/supervision/session-select.tsx';
import { useText } from '../../lib/i18n.tsx';
import {
  CursorPager,
  PageTitle,
  tableCardStyle,
  useDrawerSize,
  useFeedback,
  useFilterFieldStyle,
  useIsPhone,
  useWidthScale,
} from '../admin/shared/admin-ui.tsx';
import { currentCursor, firstPage } from '../admin/shared/cursor-pages.ts';

const tabs: { key: PublicationFilter; label: string }[] = [
  { key: 'pending', label: '待决定' },
  { key: 'published', label: '已公开' },
  { key: 'not_published', label: '不公开' },
];

/** The tab of a URL value (待决定 when none or unknown). */
function tabOf(value: string | null): PublicationFilter {
  return tabs.some((tab) => tab.key === value) ? (value as PublicationFilter) : 'pending';
}

/** The state of a row as tags: the decision, and why it cannot be published. */
function RowTags({ row }: { row: ProposalSummary }) {
  const t = useText();
  const blocker = publishBlocker(row);
  return (
    <Space size={4} wrap>
      <Tag color={decisionColor(row.publicationDecision)}>{t(decisionName(row.publicationDecision))}</Tag>
      {blocker ? <Tag color="red">{t(blocker)}</Tag> : null}
    </Space>
  );
}

export function PublicationPage() {
  const t = useText();
  const w = useWidthScale();
  const phone = useIsPhone();
  const feedback = useFeedback();
  const drawerSize = useDrawerSize(760);
  const fieldStyle = useFilterFieldStyle(240);
  const [params, setParams] = useSearchParams();
  const tab = tabOf(params.get('tab'));
  const sessions = useSessions();
  const sessionId = params.get('sessionId') ?? undefined;
  const [pages, setPages] = useState(firstPage(20));
  const queue = usePublicationQueue(tab, sessionId, currentCursor(pages), pages.pageSize);
  const bulk = useBulkPublish();
  const [selected, setSelected] = useState<ProposalSummary[]>([]);
  const [open, setOpen] = useState<ProposalSummary | null>(null);
  const rows = queue.data?.items ?? [];

  const setFilter = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
    setPages(firstPage(pages.pageSize));
    setSelected([]);
  };
  const publishSelected = async () => {
    try {
      const result = await bulk.mutateAsync(selected.map((row) => ({ id: row.id, version: row.version })));
      feedback.ok(bulkSummary(result));
      setSelected([]);
    } catch (error) {
      feedback.fail(error);
    }
  };
  const emptyText = queue.error ? t('加载失败，请刷新重试') : tab === 'pending' ? t('没有待决定公开的提案') : t('暂无数据');
  const openButton = (row: ProposalSummary) => (
    <Button type="link" size="small" onClick={() => setOpen(row)}>
      {tab === 'pending' ? t('审核公开') : t('查看 / 改变决定')}
    </Button>
  );

  return (
    <div>
      {feedback.holder}
      <PageTitle
        title="公开审核"
        extra={
          tab === 'pending' ? (
            <Button type="primary" disabled={selected.length === 0} loading={bulk.isPending} onClick={publishSelected}>
              {t('批量公开')}
              {selected.length > 0 ? `（${selected.length}）` : ''}
            </Button>
          ) : null
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout={phone ? 'vertical' : 'inline'}>
          <Form.Item label={t('会议')} style={phone ? { width: '100%' } : undefined}>
            <SessionSelect
              sessions={sessions.data ?? []}
              loading={sessions.isLoading}
              value={sessionId}
              allowAll
              onChange={(value) => setFilter('sessionId', value)}
              style={fieldStyle}
            />
          </Form.Item>
        </Form>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t('公开的答复自动去除联系人、电话和身份证号等个人信息；提案人不同意公开或涉密的提案不能公开。')}
        </Typography.Paragraph>
      </Card>
      <Card size="small" style={tableCardStyle}>
        <Tabs
          activeKey={tab}
          onChange={(key) => setFilter('tab', key === 'pending' ? undefined : key)}
          items={tabs.map((item) => ({ key: item.key, label: t(item.label) }))}
        />
        {phone ? (
          rows.length === 0 && !queue.isFetching ? (
            <Empty description={emptyText} />
          ) : (
            <Flex vertical gap={12}>
              {rows.map((row) => (
                <Card key={row.id} size="small">
                  <Flex vertical gap={6}>
                    <Link to={`/proposals/${row.id}`} style={{ fontWeight: 600 }}>
                      {proposalNumberText(row.number)} {t(row.title)}
                    </Link>
                    <Typography.Text type="secondary">{t(row.authorName)}</Typography.Text>
                    <RowTags row={row} />
                    <div>{openButton(row)}</div>
                  </Flex>
                </Card>
              ))}
            </Flex>
          )
        ) : (
          <Table<ProposalSummary>
            rowKey="id"
            size="middle"
            loading={queue.isFetching}
            dataSource={rows}
            pagination={false}
            scroll={{ x: w(900) }}
            locale={{ emptyText }}
            rowSelection={
              tab === 'pending'
                ? {
                    selectedRowKeys: selected.map((row) => row.id),
                    onChange: (_keys, chosen) => setSelected(chosen),
                    getCheckboxProps: (row) => ({ disabled: !bulkSelectable(row), 'aria-label': row.title }),
                  }
                : undefined
            }
            columns={[
              {
                title: t('提案'),
                key: 'title',
                width: w(360),
                render: (_value, row) => (
                  <Link to={`/proposals/${row.id}`}>
                    {proposalNumberText(row.number)} {t(row.title)}
                  </Link>
                ),
              },
              { title: t('提案人'), dataIndex: 'authorName', width: w(160), render: (name: string) => t(name) },
              { title: t('状态'), dataIndex: 'stateName', width: w(100), render: (name: string) => t(name) },
              { title: t('公开'), key: 'publication', width: w(180), render: (_value, row) => <RowTags row={row} /> },
              { title: t('操作'), key: 'actions', fixed: 'right', width: w(140), render: (_value, row) => openButton(row) },
            ]}
          />
        )}
        <CursorPager
          pages={pages}
          rowsOnPage={rows.length}
          nextCursor={queue.data?.nextCursor}
          total={queue.data?.total}
          loading={queue.isFetching}
          onChange={setPages}
        />
      </Card>
      <PublicationDrawer
        proposalId={open?.id ?? null}
        title={open?.title ?? ''}
        width={drawerSize}
        onClose={() => setOpen(null)}
        onDone={(text) => {
          feedback.ok(text);
          setOpen(null);
        }}
      />
    </div>
  );
}
