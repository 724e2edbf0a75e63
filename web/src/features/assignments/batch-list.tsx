/** The assignment batches (交办批次) of a session, each with its units and their 交办通知 to download. */
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, List, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { AssignmentBatch } from '../../../../contracts/proposals.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { downloadAssignmentNotice, useAssignmentBatches } from './assignments-api.ts';

/** A button that downloads one unit's notice of one batch (or of a session). */
export function NoticeButton(props: {
  unitId: string;
  unitName: string;
  batchId?: string | null;
  sessionId?: string | null;
  fail: (error: unknown) => void;
  size?: 'small' | 'middle';
  type?: 'link' | 'default';
}) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      size={props.size ?? 'small'}
      type={props.type ?? 'link'}
      icon={<DownloadOutlined />}
      loading={busy}
      onClick={async () => {
        setBusy(true);
        try {
          await downloadAssignmentNotice(props.unitId, { batchId: props.batchId, sessionId: props.sessionId }, props.unitName);
        } catch (error) {
          props.fail(error);
        } finally {
          setBusy(false);
        }
      }}
    >
      {t('下载交办通知')}
    </Button>
  );
}

/** One batch: title, 文号, time, count, and the units. */
function BatchCard({ batch, fail }: { batch: AssignmentBatch; fail: (error: unknown) => void }) {
  const t = useT();
  return (
    <Card
      size="small"
      type="inner"
      title={t(batch.title)}
      extra={
        <Tag color="blue">
          {batch.proposalCount} {t('件')}
        </Tag>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {batch.documentNumber ? `${t(batch.documentNumber)} · ` : ''}
        {t('确认于')} {formatDateTime(batch.confirmedAt)}
      </Typography.Paragraph>
      <List
        size="small"
        dataSource={batch.units}
        renderItem={(unit) => (
          <List.Item
            actions={[<NoticeButton key="notice" unitId={unit.unitId} unitName={unit.unitName} batchId={batch.id} fail={fail} />]}
          >
            <Flex gap={8} wrap align="center">
              <Typography.Text>{t(unit.unitName)}</Typography.Text>
              <Typography.Text type="secondary">
                {unit.count} {t('件')}
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}

/** The batches of the session, newest first as the server answers. */
export function BatchList(props: { sessionId: string | undefined; fail: (error: unknown) => void }) {
  const t = useT();
  const { data, isLoading, error } = useAssignmentBatches(props.sessionId);
  if (isLoading) return <Skeleton active />;
  if (error) return <Typography.Text type="danger">{t('加载失败，请刷新重试')}</Typography.Text>;
  if (!data?.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('本次会议尚无交办批次')} />;
  return (
    <Flex vertical gap={12}>
      {data.map((batch) => (
        <BatchCard key={batch.id} batch={batch} fail={props.fail} />
      ))}
    </Flex>
  );
}
