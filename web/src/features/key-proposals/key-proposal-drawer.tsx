/**
 * One key proposal in a side drawer: the recommendation, the decision, the supervising leaders, the supervision
 * activities with their photos, and the leaders' instructions on the proposal.
 */
import { ExportOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Divider, Drawer, Empty, Flex, Image, Skeleton, Tag, Timeline, Typography } from 'antd';
import { Link } from 'react-router';
import { type KeyProposal, type KeyProposalAction, recommenderKindNames } from '../../../../contracts/key-proposals.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { errorMessage } from '../../pages/admin/shared/admin-api.ts';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { useDrawerSize, useWidthScale } from '../../pages/admin/shared/admin-ui.tsx';
import { InstructionsPanel } from './instructions-panel.tsx';
import {
  canRecordActivity,
  canRecordInstruction,
  keyProposalActionNames,
  keyProposalStateColor,
  offeredActions,
  photoUrl,
  type Viewer,
} from './key-proposal-rules.ts';
import { useKeyProposal } from './key-proposals-api.ts';

/** The activities of a key proposal, oldest first, each with its photos. */
function ActivityTimeline({ item }: { item: KeyProposal }) {
  const t = useT();
  if (item.activities.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('暂无督办活动')} />;
  return (
    <Timeline
      items={item.activities.map((activity) => ({
        key: activity.id,
        content: (
          <Flex vertical gap={4}>
            <Typography.Text strong>
              {formatDate(activity.happenedOn)} · {t(activity.kindName)}
            </Typography.Text>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{t(activity.notes)}</Typography.Paragraph>
            {activity.photos.length > 0 ? (
              <Image.PreviewGroup>
                <Flex wrap gap={8}>
                  {activity.photos.map((photo) => (
                    <Image
                      key={photo.id}
                      src={photoUrl(photo.id)}
                      alt={photo.fileName}
                      width={96}
                      height={96}
                      style={{ objectFit: 'cover' }}
                    />
                  ))}
                </Flex>
              </Image.PreviewGroup>
            ) : null}
            <Typography.Text type="secondary">
              {t('记录人')}：{t(activity.recordedByName)} · {formatDateTime(activity.createdAt)}
            </Typography.Text>
          </Flex>
        ),
      }))}
    />
  );
}

/** The drawer; `id` is the key proposal shown, or null when closed. */
export function KeyProposalDrawer(props: {
  id: string | null;
  viewer: Viewer | undefined;
  onClose: () => void;
  onDecide: (item: KeyProposal, action: KeyProposalAction) => void;
  onRecordActivity: (item: KeyProposal) => void;
  onMessage: (message: string) => void;
}) {
  const t = useT();
  const w = useWidthScale();
  const size = useDrawerSize(720);
  const { data: item, isLoading, error } = useKeyProposal(props.id);
  const actions = item ? offeredActions(item) : [];
  const recording = item ? canRecordActivity(props.viewer, item) : false;
  return (
    <Drawer
      open={props.id !== null}
      onClose={props.onClose}
      size={size}
      title={t('重点提案')}
      destroyOnHidden
      extra={
        item ? (
          <Link to={`/proposals/${item.proposalId}`}>
            {t('打开提案')} <ExportOutlined />
          </Link>
        ) : null
      }
      footer={
        item && (actions.length > 0 || recording) ? (
          <Flex wrap gap={8}>
            {actions.map((action) => (
              <Button
                key={action}
                type={action === 'approve' ? 'primary' : 'default'}
                danger={action === 'decline'}
                onClick={() => props.onDecide(item, action)}
              >
                {t(keyProposalActionNames[action])}
              </Button>
            ))}
            {recording ? (
              <Button type="primary" onClick={() => props.onRecordActivity(item)}>
                {t('记录督办活动')}
              </Button>
            ) : null}
          </Flex>
        ) : null
      }
    >
      {isLoading ? <Skeleton active paragraph={{ rows: 8 }} /> : null}
      {error ? <Alert type="error" showIcon title={t(errorMessage(error))} /> : null}
      {item ? (
        <Flex vertical gap={16}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {item.proposalNumber ? `${item.proposalNumber} ` : ''}
            {t(item.proposalTitle)}
          </Typography.Title>
          <Descriptions bordered size="small" column={1} styles={{ label: { width: w(96), whiteSpace: 'nowrap' } }}>
            <Descriptions.Item label={t('状态')}>
              <Tag color={keyProposalStateColor(item.state)}>{t(item.stateName)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('推荐方')}>
              {t(item.recommenderName)}（{t(recommenderKindNames[item.recommenderKind])}）
            </Descriptions.Item>
            <Descriptions.Item label={t('推荐理由')}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{t(item.reason)}</Typography.Paragraph>
            </Descriptions.Item>
            {item.declineReason ? <Descriptions.Item label={t('不列入理由')}>{t(item.declineReason)}</Descriptions.Item> : null}
            <Descriptions.Item label={t('督办领导')}>
              {item.supervisors.length ? item.supervisors.map((person) => t(person.name)).join('、') : '—'}
            </Descriptions.Item>
          </Descriptions>
          <Divider titlePlacement="start" style={{ margin: 0 }}>
            {t('督办活动')}
          </Divider>
          <ActivityTimeline item={item} />
          <Divider titlePlacement="start" style={{ margin: 0 }}>
            {t('领导批示')}
          </Divider>
          <InstructionsPanel
            proposalId={item.proposalId}
            canRecord={canRecordInstruction(props.viewer)}
            onDone={props.onMessage}
          />
        </Flex>
      ) : null}
    </Drawer>
  );
}
