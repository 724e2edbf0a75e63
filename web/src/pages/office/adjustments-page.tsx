import { Button, Card, Empty, Flex, Space, Spin, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Assignment } from '../../../../contracts/proposals.ts';
import {
  ApproveAdjustmentDialog,
  RefuseAdjustmentDialog,
  requestedAtText,
} from '../../features/assignments/adjustment-dialogs.tsx';
import { useAssignments } from '../../features/assignments/assignments-api.ts';
import { useT } from '../admin/shared/admin-text.ts';
import { CursorPager, PageTitle, tableCardStyle, useFeedback, useIsPhone, useWidthScale } from '../admin/shared/admin-ui.tsx';
import { currentCursor, firstPage } from '../admin/shared/cursor-pages.ts';

/** True when the item offers the action to the current user. */
function offers(assignment: Assignment, action: string): boolean {
  return assignment.actions.some((item) => item.action === action);
}

/** The requests as cards, for a phone. */
function AdjustmentCards(props: {
  rows: Assignment[];
  loading: boolean;
  emptyText: string;
  onApprove: (row: Assignment) => void;
  onRefuse: (row: Assignment) => void;
}) {
  const t = useT();
  if (!props.loading && props.rows.length === 0) return <Empty description={props.emptyText} />;
  return (
    <Spin spinning={props.loading}>
      <Flex vertical gap={12}>
        {props.rows.map((row) => (
          <Card key={row.id} size="small">
            <Flex vertical gap={6}>
              <Link to={`/proposals/${row.proposalId}`} style={{ fontWeight: 600 }}>
                {row.proposalNumber ? `${t('第')}${row.proposalNumber}${t('号')} ` : ''}
                {t(row.proposalTitle)}
              </Link>
              <Typography.Text>
                {t(row.unitName)}（{t(row.roleName)}） ·{' '}
                <Typography.Text type="secondary">{requestedAtText(row)}</Typography.Text>
              </Typography.Text>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>
                {t(row.adjustmentReason ?? '—')}
              </Typography.Paragraph>
              <Flex wrap gap={8}>
                {offers(row, 'approve_adjustment') ? (
                  <Button type="primary" onClick={() => props.onApprove(row)}>
                    {t('同意（选择新承办单位）')}
                  </Button>
                ) : null}
                {offers(row, 'refuse_adjustment') ? (
                  <Button danger onClick={() => props.onRefuse(row)}>
                    {t('不同意')}
                  </Button>
                ) : null}
              </Flex>
            </Flex>
          </Card>
        ))}
      </Flex>
    </Spin>
  );
}

/** 调整申请: the units' requests to be replaced, to approve with a new unit or refuse with a reason. */
export function AdjustmentsPage() {
  const t = useT();
  const w = useWidthScale();
  const feedback = useFeedback();
  const [pages, setPages] = useState(firstPage(20));
  const { data, isFetching, error } = useAssignments({ state: 'adjustment_requested' }, currentCursor(pages), pages.pageSize);
  const [approving, setApproving] = useState<Assignment | null>(null);
  const [refusing, setRefusing] = useState<Assignment | null>(null);
  const rows = data?.items ?? [];
  const phone = useIsPhone();
  const emptyText = error ? t('加载失败，请刷新重试') : t('没有待处理的调整申请');
  return (
    <div>
      {feedback.holder}
      <PageTitle title="调整申请" />
      <Card size="small" style={tableCardStyle}>
        {phone ? (
          <AdjustmentCards
            rows={rows}
            loading={isFetching}
            emptyText={emptyText}
            onApprove={setApproving}
            onRefuse={setRefusing}
          />
        ) : (
          <Table<Assignment>
            rowKey="id"
            size="middle"
            loading={isFetching}
            dataSource={rows}
            pagination={false}
            scroll={{ x: w(1000) }}
            locale={{ emptyText }}
            columns={[
              {
                title: t('提案'),
                key: 'proposal',
                width: w(280),
                render: (_value, row) => (
                  <Link to={`/proposals/${row.proposalId}`}>
                    {row.proposalNumber ? `${t('第')}${row.proposalNumber}${t('号')} ` : ''}
                    {t(row.proposalTitle)}
                  </Link>
                ),
              },
              {
                title: t('申请单位'),
                key: 'unit',
                width: w(170),
                render: (_value, row) => (
                  <>
                    {t(row.unitName)}
                    <Typography.Text type="secondary">（{t(row.roleName)}）</Typography.Text>
                  </>
                ),
              },
              {
                title: t('调整理由'),
                dataIndex: 'adjustmentReason',
                width: w(300),
                render: (reason: string | null) => (
                  <Typography.Paragraph
                    style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}
                    ellipsis={{ rows: 3, expandable: true }}
                  >
                    {t(reason ?? '—')}
                  </Typography.Paragraph>
                ),
              },
              { title: t('申请时间'), key: 'requestedAt', width: w(170), render: (_value, row) => requestedAtText(row) },
              {
                title: t('操作'),
                key: 'actions',
                fixed: 'right',
                width: w(200),
                render: (_value, row) => (
                  <Space size={0} wrap>
                    {offers(row, 'approve_adjustment') ? (
                      <Button type="link" size="small" onClick={() => setApproving(row)}>
                        {t('同意（选择新承办单位）')}
                      </Button>
                    ) : null}
                    {offers(row, 'refuse_adjustment') ? (
                      <Button type="link" size="small" danger onClick={() => setRefusing(row)}>
                        {t('不同意')}
                      </Button>
                    ) : null}
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
      </Card>
      <ApproveAdjustmentDialog
        assignment={approving}
        onClose={() => setApproving(null)}
        onDone={() => {
          setApproving(null);
          feedback.ok('已同意调整，提案已改交新承办单位');
        }}
      />
      <RefuseAdjustmentDialog
        assignment={refusing}
        onClose={() => setRefusing(null)}
        onDone={() => {
          setRefusing(null);
          feedback.ok('已不同意调整，原单位继续承办');
        }}
      />
    </div>
  );
}
