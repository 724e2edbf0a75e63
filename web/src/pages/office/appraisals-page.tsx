import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Popconfirm, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Appraisal, AppraisalAction } from '../../../../contracts/appraisal.ts';
import type { Session } from '../../../../contracts/orgs.ts';
import type { Role } from '../../../../contracts/roles.ts';
import { useAppraisalAction, useAppraisals } from '../../features/appraisal/appraisal-api.ts';
import { AppraisalCreateDialog } from '../../features/appraisal/appraisal-create-dialog.tsx';
import {
  appraisalActionTexts,
  appraisalStateColor,
  canSeeResults,
  mayScore,
  offeredAppraisalActions,
  scopeNames,
  scoringProgress,
} from '../../features/appraisal/appraisal-rules.ts';
import { ResultsDrawer } from '../../features/appraisal/results-drawer.tsx';
import { ScoreDialog } from '../../features/appraisal/score-dialog.tsx';
import { ScoringDrawer } from '../../features/appraisal/scoring-drawer.tsx';
import { useMe } from '../../features/auth/auth-api.ts';
import { sessionOptionLabel } from '../../features/key-proposals/session-picker.tsx';
import { useSessions } from '../../features/orgs/orgs-api.ts';
import { ApiError } from '../../lib/api.ts';
import { isVersionConflict } from '../admin/shared/admin-api.ts';
import { useT } from '../admin/shared/admin-text.ts';
import { PageTitle, tableCardStyle, useFeedback, useIsPhone, useWidthScale } from '../admin/shared/admin-ui.tsx';

/** The buttons of one appraisal: the office's moves, 评分 for members, 结果 for those who may see it. */
function AppraisalButtons(props: {
  row: Appraisal;
  roles: readonly Role[];
  link?: boolean;
  moving: string | null;
  onMove: (row: Appraisal, action: AppraisalAction) => void;
  onScore: (row: Appraisal) => void;
  onResults: (row: Appraisal) => void;
}) {
  const t = useT();
  const size = props.link ? 'small' : 'middle';
  const type = props.link ? 'link' : 'default';
  return (
    <Space size={props.link ? 0 : 8} wrap>
      {mayScore(props.roles, props.row.state) ? (
        <Button size={size} type={props.link ? 'link' : 'primary'} onClick={() => props.onScore(props.row)}>
          {t('评分')}
        </Button>
      ) : null}
      {offeredAppraisalActions(props.row).map((action) => (
        <Popconfirm
          key={action}
          title={`${t(appraisalActionTexts[action].label)}？`}
          description={t(appraisalActionTexts[action].confirm)}
          okText={t('确定')}
          cancelText={t('取消')}
          onConfirm={() => props.onMove(props.row, action)}
        >
          <Button
            size={size}
            type={props.link ? 'link' : action === 'publish' ? 'primary' : 'default'}
            loading={props.moving === `${props.row.id}:${action}`}
          >
            {t(appraisalActionTexts[action].label)}
          </Button>
        </Popconfirm>
      ))}
      {canSeeResults(props.roles, props.row.state) && props.row.state !== 'draft' ? (
        <Button size={size} type={type} onClick={() => props.onResults(props.row)}>
          {t('查看结果')}
        </Button>
      ) : null}
    </Space>
  );
}

/** The session's name of an appraisal. */
function sessionName(sessions: Session[] | undefined, id: string): string {
  const session = sessions?.find((item) => item.id === id);
  return session ? sessionOptionLabel(session) : '—';
}

/** The member's progress, or the number of units, of an appraisal. */
function unitsText(row: Appraisal, member: boolean): string {
  if (row.state === 'draft') return '开始评分时确定';
  const progress = scoringProgress(row.units);
  return member ? `已评 ${progress.scored}/${progress.total}` : `${progress.total} 个单位`;
}

/** The appraisals as cards, for a phone. */
function AppraisalCards(props: {
  rows: Appraisal[];
  loading: boolean;
  emptyText: string;
  sessions: Session[] | undefined;
  member: boolean;
  buttons: (row: Appraisal) => React.ReactNode;
}) {
  const t = useT();
  if (!props.loading && props.rows.length === 0) return <Empty description={props.emptyText} />;
  return (
    <Spin spinning={props.loading}>
      <Flex vertical gap={12}>
        {props.rows.map((row) => (
          <Card key={row.id} size="small">
            <Flex vertical gap={6}>
              <Typography.Text strong>{t(row.title)}</Typography.Text>
              <Typography.Text>
                <Tag color={appraisalStateColor(row.state)}>{t(row.stateName)}</Tag>
                {t(sessionName(props.sessions, row.sessionId))}
              </Typography.Text>
              <Typography.Text type="secondary">
                {t(scopeNames[row.scope])} · {t('最少评分')} {row.minScores} {t('人')} · {t(unitsText(row, props.member))}
              </Typography.Text>
              {props.buttons(row)}
            </Flex>
          </Card>
        ))}
      </Flex>
    </Spin>
  );
}

/**
 * 民主评议: the office drafts an appraisal with its score form, opens it for scoring, closes it and publishes the
 * results; standing committee members score each unit; leaders and supervisors read the results.
 */
export function AppraisalsPage() {
  const t = useT();
  const w = useWidthScale();
  const phone = useIsPhone();
  const feedback = useFeedback();
  const me = useMe();
  const roles = me.data?.roles ?? [];
  const office = roles.includes('proposal_office');
  const member = roles.includes('member');
  const sessions = useSessions();
  const { data, isFetching, error } = useAppraisals();
  const move = useAppraisalAction();
  const [creating, setCreating] = useState(false);
  const [moving, setMoving] = useState<string | null>(null);
  const [scoringId, setScoringId] = useState<string | null>(null);
  const [resultsId, setResultsId] = useState<string | null>(null);
  const [scoreTarget, setScoreTarget] = useState<{ appraisal: Appraisal; unit: Appraisal['units'][number] } | null>(null);

  const rows = data ?? [];
  const forbidden = error instanceof ApiError && error.status === 403;
  const emptyText = forbidden
    ? t('民主评议由政协常委评分，您不在本次评议范围内')
    : error
      ? t('加载失败，请刷新重试')
      : t(office ? '还没有民主评议，点击“组织评议”开始' : '暂无进行中的民主评议');
  const scoring = rows.find((row) => row.id === scoringId) ?? null;
  const showingResults = rows.find((row) => row.id === resultsId) ?? null;

  const runMove = async (row: Appraisal, action: AppraisalAction) => {
    setMoving(`${row.id}:${action}`);
    try {
      await move.mutateAsync({ id: row.id, version: row.version, action });
      feedback.ok(appraisalActionTexts[action].done);
    } catch (failure) {
      feedback.fail(isVersionConflict(failure) ? new Error('该评议已被他人修改，请刷新后重试') : failure);
    } finally {
      setMoving(null);
    }
  };
  const buttons = (row: Appraisal, link?: boolean) => (
    <AppraisalButtons
      row={row}
      roles={roles}
      link={link}
      moving={moving}
      onMove={runMove}
      onScore={(item) => setScoringId(item.id)}
      onResults={(item) => setResultsId(item.id)}
    />
  );

  return (
    <div>
      {feedback.holder}
      <PageTitle
        title="民主评议"
        extra={
          office ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('组织评议')}
            </Button>
          ) : null
        }
      />
      {member && !office && !forbidden ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('请对每个参评承办单位逐项评分；评分期间可以修改，结束后不能再改。')}
        />
      ) : null}
      <Card size="small" style={tableCardStyle}>
        {phone ? (
          <AppraisalCards
            rows={rows}
            loading={isFetching}
            emptyText={emptyText}
            sessions={sessions.data}
            member={member}
            buttons={(row) => buttons(row)}
          />
        ) : (
          <Table<Appraisal>
            rowKey="id"
            size="middle"
            loading={isFetching}
            dataSource={rows}
            pagination={false}
            scroll={{ x: w(1080) }}
            locale={{ emptyText }}
            columns={[
              { title: t('评议名称'), dataIndex: 'title', width: w(260), render: (title: string) => t(title) },
              {
                title: t('会议'),
                dataIndex: 'sessionId',
                width: w(200),
                render: (id: string) => t(sessionName(sessions.data, id)),
              },
              {
                title: t('评议范围'),
                dataIndex: 'scope',
                width: w(140),
                render: (scope: Appraisal['scope']) => t(scopeNames[scope]),
              },
              {
                title: t('最少评分人数'),
                dataIndex: 'minScores',
                width: w(110),
                align: 'right',
                render: (value: number) => `${value} ${t('人')}`,
              },
              {
                title: t('参评单位'),
                key: 'units',
                width: w(130),
                render: (_value, row) => t(unitsText(row, member)),
              },
              {
                title: t('状态'),
                key: 'state',
                width: w(110),
                render: (_value, row) => <Tag color={appraisalStateColor(row.state)}>{t(row.stateName)}</Tag>,
              },
              {
                title: t('操作'),
                key: 'actions',
                fixed: 'right',
                width: w(220),
                render: (_value, row) => buttons(row, true),
              },
            ]}
          />
        )}
      </Card>
      <AppraisalCreateDialog
        open={creating}
        sessions={sessions.data}
        onClose={() => setCreating(false)}
        onDone={() => {
          setCreating(false);
          feedback.ok('已创建民主评议，确认评分表后点击“开始评分”');
        }}
      />
      <ScoringDrawer
        appraisal={scoring}
        onClose={() => setScoringId(null)}
        onScore={(appraisal, unit) => setScoreTarget({ appraisal, unit })}
      />
      <ScoreDialog
        target={scoreTarget}
        onClose={() => setScoreTarget(null)}
        onDone={() => {
          setScoreTarget(null);
          feedback.ok('评分已提交');
        }}
      />
      <ResultsDrawer
        appraisal={showingResults}
        publishing={moving === `${resultsId}:publish`}
        onClose={() => setResultsId(null)}
        onPublish={(appraisal) => void runMove(appraisal, 'publish')}
      />
    </div>
  );
}
