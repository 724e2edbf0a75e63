import { FileTextOutlined, PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Empty, Flex, Space, Spin, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { type KeyProposal, type KeyProposalAction, recommenderKindNames } from '../../../../contracts/key-proposals.ts';
import { useMe } from '../../features/auth/auth-api.ts';
import { ActivityDialog } from '../../features/key-proposals/activity-dialog.tsx';
import { DecisionDialog } from '../../features/key-proposals/decision-dialog.tsx';
import { InstructionsDrawer } from '../../features/key-proposals/instructions-drawer.tsx';
import { KeyProposalDrawer } from '../../features/key-proposals/key-proposal-drawer.tsx';
import {
  canManageKeyProposals,
  canRecordActivity,
  canRecordInstruction,
  countByState,
  keyProposalActionNames,
  keyProposalStateColor,
  keyProposalTabs,
  offeredActions,
  proposalLabel,
  type Viewer,
} from '../../features/key-proposals/key-proposal-rules.ts';
import { useKeyProposals } from '../../features/key-proposals/key-proposals-api.ts';
import { RecommendDialog } from '../../features/key-proposals/recommend-dialog.tsx';
import { defaultSessionId, SessionPicker } from '../../features/key-proposals/session-picker.tsx';
import { useSessions } from '../../features/orgs/orgs-api.ts';
import { useT } from '../admin/shared/admin-text.ts';
import {
  PageTitle,
  tableCardStyle,
  useFeedback,
  useFilterFieldStyle,
  useIsPhone,
  useWidthScale,
} from '../admin/shared/admin-ui.tsx';

/** The buttons of one row: the office's decisions, 记录督办活动 and 详情. */
function RowButtons(props: {
  row: KeyProposal;
  viewer: Viewer | undefined;
  link?: boolean;
  onDecide: (item: KeyProposal, action: KeyProposalAction) => void;
  onRecordActivity: (item: KeyProposal) => void;
  onOpen: (item: KeyProposal) => void;
}) {
  const t = useT();
  const size = props.link ? 'small' : 'middle';
  return (
    <Space size={props.link ? 0 : 8} wrap>
      {offeredActions(props.row).map((action) => (
        <Button
          key={action}
          size={size}
          type={props.link ? 'link' : action === 'approve' ? 'primary' : 'default'}
          danger={action === 'decline'}
          onClick={() => props.onDecide(props.row, action)}
        >
          {t(keyProposalActionNames[action])}
        </Button>
      ))}
      {canRecordActivity(props.viewer, props.row) ? (
        <Button size={size} type={props.link ? 'link' : 'primary'} onClick={() => props.onRecordActivity(props.row)}>
          {t('记录督办活动')}
        </Button>
      ) : null}
      <Button size={size} type={props.link ? 'link' : 'default'} onClick={() => props.onOpen(props.row)}>
        {t('详情')}
      </Button>
    </Space>
  );
}

/** The rows as cards, for a phone. */
function KeyProposalCards(props: {
  rows: KeyProposal[];
  loading: boolean;
  emptyText: string;
  viewer: Viewer | undefined;
  onDecide: (item: KeyProposal, action: KeyProposalAction) => void;
  onRecordActivity: (item: KeyProposal) => void;
  onOpen: (item: KeyProposal) => void;
}) {
  const t = useT();
  if (!props.loading && props.rows.length === 0) return <Empty description={props.emptyText} />;
  return (
    <Spin spinning={props.loading}>
      <Flex vertical gap={12}>
        {props.rows.map((row) => (
          <Card key={row.id} size="small">
            <Flex vertical gap={6}>
              <Typography.Link strong onClick={() => props.onOpen(row)}>
                {t(proposalLabel(row))}
              </Typography.Link>
              <Typography.Text>
                <Tag color={keyProposalStateColor(row.state)}>{t(row.stateName)}</Tag>
                {t(row.recommenderName)}
                <Typography.Text type="secondary">（{t(recommenderKindNames[row.recommenderKind])}）</Typography.Text>
              </Typography.Text>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} ellipsis={{ rows: 3, expandable: true }}>
                {t(row.reason)}
              </Typography.Paragraph>
              {row.supervisors.length ? (
                <Typography.Text>
                  {t('督办领导')}：{row.supervisors.map((person) => t(person.name)).join('、')} · {t('督办活动')}{' '}
                  {row.activities.length} {t('次')}
                </Typography.Text>
              ) : null}
              <RowButtons
                row={row}
                viewer={props.viewer}
                onDecide={props.onDecide}
                onRecordActivity={props.onRecordActivity}
                onOpen={props.onOpen}
              />
            </Flex>
          </Card>
        ))}
      </Flex>
    </Spin>
  );
}

/**
 * 重点提案: the recommendations of a session by state; the office records recommendations, shortlists, approves
 * with supervising leaders or declines; supervisors record activities with photos; leaders' instructions.
 */
export function KeyProposalsPage() {
  const t = useT();
  const w = useWidthScale();
  const phone = useIsPhone();
  const feedback = useFeedback();
  const filterStyle = useFilterFieldStyle(260);
  const me = useMe();
  const viewer: Viewer | undefined = me.data ? { id: me.data.id, roles: me.data.roles } : undefined;
  const sessions = useSessions();
  const [chosenSession, setChosenSession] = useState<string | undefined | null>(null);
  const sessionId = chosenSession === null ? defaultSessionId(sessions.data) : chosenSession;
  const { data, isFetching, error } = useKeyProposals({ sessionId }, !sessions.isLoading);
  const [tab, setTab] = useState<string>('');
  const [recommending, setRecommending] = useState(false);
  const [instructing, setInstructing] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const [decision, setDecision] = useState<{ item: KeyProposal; action: KeyProposalAction } | null>(null);
  const [recordingFor, setRecordingFor] = useState<KeyProposal | null>(null);

  const all = data ?? [];
  const counts = countByState(all);
  const rows = tab ? all.filter((item) => item.state === tab) : all;
  const emptyText = error ? t('加载失败，请刷新重试') : t('暂无重点提案推荐');
  const decide = (item: KeyProposal, action: KeyProposalAction) => setDecision({ item, action });
  const open = (item: KeyProposal) => setOpenId(item.id);

  return (
    <div>
      {feedback.holder}
      <PageTitle
        title="重点提案"
        extra={
          <>
            <SessionPicker
              sessions={sessions.data}
              loading={sessions.isLoading}
              value={sessionId}
              onChange={(value) => setChosenSession(value)}
              allowAll
              style={filterStyle}
            />
            {canRecordInstruction(viewer) || viewer?.roles.includes('supervisor') ? (
              <Button icon={<FileTextOutlined />} onClick={() => setInstructing(true)}>
                {t('领导批示')}
              </Button>
            ) : null}
            {canManageKeyProposals(viewer) ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecommending(true)}>
                {t('登记推荐')}
              </Button>
            ) : null}
          </>
        }
      />
      <Card size="small" style={tableCardStyle}>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={keyProposalTabs.map((item) => ({
            key: item.key,
            label: (
              <Space size={6}>
                {t(item.label)}
                <Badge
                  count={item.key ? (counts[item.key] ?? 0) : all.length}
                  showZero={false}
                  color={item.key === 'recommended' ? 'gold' : 'blue'}
                />
              </Space>
            ),
          }))}
        />
        {phone ? (
          <KeyProposalCards
            rows={rows}
            loading={isFetching}
            emptyText={emptyText}
            viewer={viewer}
            onDecide={decide}
            onRecordActivity={setRecordingFor}
            onOpen={open}
          />
        ) : (
          <Table<KeyProposal>
            rowKey="id"
            size="middle"
            loading={isFetching}
            dataSource={rows}
            pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            scroll={{ x: w(1180) }}
            locale={{ emptyText }}
            columns={[
              {
                title: t('提案'),
                key: 'proposal',
                width: w(280),
                render: (_value, row) => <Typography.Link onClick={() => open(row)}>{t(proposalLabel(row))}</Typography.Link>,
              },
              {
                title: t('推荐方'),
                key: 'recommender',
                width: w(170),
                render: (_value, row) => (
                  <>
                    {t(row.recommenderName)}
                    <br />
                    <Typography.Text type="secondary">{t(recommenderKindNames[row.recommenderKind])}</Typography.Text>
                  </>
                ),
              },
              {
                title: t('推荐理由'),
                dataIndex: 'reason',
                width: w(260),
                render: (reason: string) => (
                  <Typography.Paragraph
                    style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}
                    ellipsis={{ rows: 2, expandable: true }}
                  >
                    {t(reason)}
                  </Typography.Paragraph>
                ),
              },
              {
                title: t('状态'),
                key: 'state',
                width: w(130),
                render: (_value, row) => <Tag color={keyProposalStateColor(row.state)}>{t(row.stateName)}</Tag>,
              },
              {
                title: t('督办领导'),
                key: 'supervisors',
                width: w(150),
                render: (_value, row) =>
                  row.supervisors.length ? row.supervisors.map((person) => t(person.name)).join('、') : '—',
              },
              {
                title: t('督办活动'),
                key: 'activities',
                width: w(90),
                align: 'right',
                render: (_value, row) => (row.state === 'approved' ? `${row.activities.length} ${t('次')}` : '—'),
              },
              {
                title: t('操作'),
                key: 'actions',
                fixed: 'right',
                width: w(260),
                render: (_value, row) => (
                  <RowButtons row={row} viewer={viewer} link onDecide={decide} onRecordActivity={setRecordingFor} onOpen={open} />
                ),
              },
            ]}
          />
        )}
      </Card>
      <RecommendDialog
        open={recommending}
        sessionId={sessionId}
        onClose={() => setRecommending(false)}
        onDone={() => {
          setRecommending(false);
          setTab('recommended');
          feedback.ok('已登记重点提案推荐');
        }}
      />
      <DecisionDialog
        decision={decision}
        known={all}
        onClose={() => setDecision(null)}
        onDone={(message) => {
          setDecision(null);
          feedback.ok(message);
        }}
      />
      <ActivityDialog
        item={recordingFor}
        onClose={() => setRecordingFor(null)}
        onDone={() => {
          setRecordingFor(null);
          feedback.ok('已记录督办活动');
        }}
      />
      <KeyProposalDrawer
        id={openId}
        viewer={viewer}
        onClose={() => setOpenId(null)}
        onDecide={decide}
        onRecordActivity={setRecordingFor}
        onMessage={feedback.ok}
      />
      <InstructionsDrawer
        open={instructing}
        sessionId={sessionId}
        canRecord={canRecordInstruction(viewer)}
        onClose={() => setInstructing(false)}
        onMessage={feedback.ok}
      />
    </div>
  );
}
