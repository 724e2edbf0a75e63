import { Card, Empty, Flex, Skeleton, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { AssignmentCard } from '../../features/assignments/assignment-card.tsx';
import { useAssignments } from '../../features/assignments/assignments-api.ts';
import { useT } from '../admin/shared/admin-text.ts';
import { CursorPager, PageTitle, useFeedback } from '../admin/shared/admin-ui.tsx';
import { currentCursor, firstPage } from '../admin/shared/cursor-pages.ts';

/**
 * 提案办理 (/handling): the signed-for assignments, each with its 办理 button — a unit's own, the office's of every
 * unit. Signing for and adjustments stay in the unit inbox.
 */
export function HandlingListPage() {
  const t = useT();
  const feedback = useFeedback();
  const [pages, setPages] = useState(firstPage(20));
  const { data, isFetching, isLoading, error } = useAssignments({ state: 'signed_for' }, currentCursor(pages), pages.pageSize);
  const now = useMemo(() => new Date(), []);
  const rows = data?.items ?? [];
  return (
    <div>
      {feedback.holder}
      <PageTitle title="提案办理" />
      <Card size="small">
        <Typography.Paragraph type="secondary">
          {t('已签收的交办件：与提案人沟通、会办意见、申请延期、起草答复并送签。待签收的请到承办单位收件箱。')}
        </Typography.Paragraph>
        {isLoading ? <Skeleton active paragraph={{ rows: 4 }} /> : null}
        {!isLoading && rows.length === 0 ? (
          <Empty description={error ? t('加载失败，请刷新重试') : t('暂无办理中的交办件')} />
        ) : null}
        <Flex vertical gap={12} style={{ opacity: isFetching && !isLoading ? 0.6 : 1 }}>
          {rows.map((assignment) => (
            <AssignmentCard key={assignment.id} assignment={assignment} now={now} fail={feedback.fail} />
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
    </div>
  );
}
