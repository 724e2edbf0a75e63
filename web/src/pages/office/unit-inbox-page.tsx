import { Card, Empty, Flex, Segmented, Skeleton, Tabs } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { type HandledKind, handledKindNames, handledKinds } from '../../../../contracts/handled-kinds.ts';
import type { Assignment, AssignmentState } from '../../../../contracts/proposals.ts';
import { RequestAdjustmentDialog } from '../../features/assignments/adjustment-dialogs.tsx';
import { AssignmentCard } from '../../features/assignments/assignment-card.tsx';
import { useAssignmentAction, useAssignments } from '../../features/assignments/assignments-api.ts';
import { useT } from '../admin/shared/admin-text.ts';
import { CursorPager, PageTitle, useFeedback } from '../admin/shared/admin-ui.tsx';
import { currentCursor, firstPage } from '../admin/shared/cursor-pages.ts';

/** The tabs of the inbox and the state each lists (全部: every state). */
const tabs: { key: string; label: string; state?: AssignmentState }[] = [
  { key: 'pending', label: '待签收', state: 'pending' },
  { key: 'signed_for', label: '已签收', state: 'signed_for' },
  { key: 'adjustment_requested', label: '申请调整中', state: 'adjustment_requested' },
  { key: 'all', label: '全部' },
];

/** The kind filter: every kind, or one (提案, 微建议). */
const ALL_KINDS = 'all';

/**
 * 承办单位收件箱: the unit's assignments across sessions and kinds (proposals and micro-suggestions in one list, a
 * filter by kind), to sign for or, for a proposal, ask to adjust.
 */
export function UnitInboxPage() {
  const t = useT();
  const feedback = useFeedback();
  // A link may open a tab (the workbench's 待签收: ?tab=pending).
  const [search] = useSearchParams();
  const [tab, setTab] = useState(() => tabs.find((item) => item.key === search.get('tab'))?.key ?? 'pending');
  const [kindChoice, setKindChoice] = useState<string>(ALL_KINDS);
  const [pages, setPages] = useState(firstPage(20));
  const state = tabs.find((item) => item.key === tab)?.state;
  const kind = kindChoice === ALL_KINDS ? undefined : (kindChoice as HandledKind);
  const { data, isFetching, isLoading, error } = useAssignments({ state, kind }, currentCursor(pages), pages.pageSize);
  const run = useAssignmentAction();
  const [signingId, setSigningId] = useState<string | null>(null);
  const [requesting, setRequesting] = useState<Assignment | null>(null);
  const now = useMemo(() => new Date(), []);
  const rows = data?.items ?? [];

  const signFor = async (assignment: Assignment) => {
    setSigningId(assignment.id);
    try {
      await run.mutateAsync({ id: assignment.id, version: assignment.version, action: 'sign_for' });
      feedback.ok('已签收');
    } catch (failure) {
      feedback.fail(failure);
    } finally {
      setSigningId(null);
    }
  };

  return (
    <div>
      {feedback.holder}
      <PageTitle title="承办单位收件箱" />
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(key) => {
            setTab(key);
            setPages(firstPage(pages.pageSize));
          }}
          items={tabs.map((item) => ({ key: item.key, label: t(item.label) }))}
        />
        <Segmented
          aria-label={t('办理件类型')}
          style={{ marginBottom: 12 }}
          value={kindChoice}
          onChange={(value) => {
            setKindChoice(String(value));
            setPages(firstPage(pages.pageSize));
          }}
          options={[
            { value: ALL_KINDS, label: t('全部类型') },
            ...handledKinds.map((value) => ({ value, label: t(handledKindNames[value]) })),
          ]}
        />
        {isLoading ? <Skeleton active paragraph={{ rows: 4 }} /> : null}
        {!isLoading && rows.length === 0 ? <Empty description={error ? t('加载失败，请刷新重试') : t('暂无交办事项')} /> : null}
        <Flex vertical gap={12} style={{ opacity: isFetching && !isLoading ? 0.6 : 1 }}>
          {rows.map((assignment) => (
            <AssignmentCard
              key={assignment.id}
              assignment={assignment}
              now={now}
              signing={signingId === assignment.id}
              onSignFor={signFor}
              onRequestAdjustment={setRequesting}
              fail={feedback.fail}
            />
          ))}
        </Flex>
        <CursorPager
          pages={pages}
          rowsOnPage={rows.length}
          nextCursor={data?.nextCursor}
          total={data?.total}
          loading={isFetching}
          onChange={setPages}
        />
      </Card>
      <RequestAdjustmentDialog
        assignment={requesting}
        onClose={() => setRequesting(null)}
        onDone={() => {
          setRequesting(null);
          feedback.ok('已提交调整申请，等待提案办处理');
        }}
      />
    </div>
  );
}
