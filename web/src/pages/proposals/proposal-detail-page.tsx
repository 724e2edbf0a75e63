/**
 * 提案详情: one proposal as members, the office and units read it — the header with its proposers, the text,
 * supplements, the office's decision, merges, assignments, the units' replies and ratings, and the history — with
 * the actions the server offers.
 */
import { ArrowLeftOutlined, FileWordOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Empty, Flex, Result, Row, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  assignmentRoleNames,
  conversionTargetNames,
  type Proposal,
  proposalFieldLabels,
} from '../../../../contracts/proposals.ts';
import { usePhone } from '../../app/use-phone.ts';
import { ProposalRepliesCard } from '../../features/handling/proposal-replies-card.tsx';
import { useDictionary } from '../../features/orgs/orgs-api.ts';
import { AttachmentsPanel } from '../../features/proposals/attachments-panel.tsx';
import { CoSignersPanel } from '../../features/proposals/co-signers-panel.tsx';
import { HistoryTimeline } from '../../features/proposals/history-timeline.tsx';
import { CO_SIGNERS_ANCHOR, ProposalActionsBar, SUPPLEMENTS_ANCHOR } from '../../features/proposals/proposal-actions-bar.tsx';
import {
  decisionNames,
  hasAction,
  proposalKindNames,
  proposalNumberText,
  proposerRoleNames,
} from '../../features/proposals/proposal-labels.ts';
import { ProposalStateTag } from '../../features/proposals/proposal-state-tag.tsx';
import { downloadProposalDocument, useAdoptProposal, useProposal } from '../../features/proposals/proposals-api.ts';
import { SupplementsCard } from '../../features/proposals/supplements-card.tsx';
import { useScrollToHash } from '../../features/workbench/use-scroll-to-hash.ts';
import { errorMessage } from '../../lib/api.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useText } from '../../lib/i18n.tsx';
import { useFeedback } from '../admin/shared/admin-ui.tsx';

/** The detail screen: /proposals/:id. */
export function ProposalDetailPage() {
  const { id } = useParams();
  const t = useText();
  const navigate = useNavigate();
  const loaded = useProposal(id);
  if (loaded.isPending) return <Card loading />;
  if (loaded.isError || !loaded.data) {
    return (
      <Result
        status="warning"
        title={t(errorMessage(loaded.error))}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/proposals')}>
            {t('返回提案列表')}
          </Button>
        }
      />
    );
  }
  return <ProposalDetail proposal={loaded.data} />;
}

function ProposalDetail({ proposal }: { proposal: Proposal }) {
  const t = useText();
  useScrollToHash();
  const phone = usePhone();
  const navigate = useNavigate();
  const feedback = useFeedback();
  const adopt = useAdoptProposal();
  const [downloading, setDownloading] = useState(false);
  const categories = useDictionary('proposal_category', true);
  const category = categories.data?.find((entry) => entry.id === proposal.categoryId)?.name;

  const download = async () => {
    setDownloading(true);
    try {
      await downloadProposalDocument(proposal);
    } catch (error) {
      feedback.fail(error);
    } finally {
      setDownloading(false);
    }
  };

  const myInvitation = proposal.coSigners.find((item) => item.actions.includes('accept') || item.actions.includes('decline'));
  const showCoSigners = proposal.coSigners.length > 0 && (proposal.state === 'draft' || proposal.state === 'co_signing');

  return (
    <div>
      {feedback.holder}
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 12 }}>
        <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }} onClick={() => navigate(-1)}>
          {t('返回')}
        </Button>
        <Button icon={<FileWordOutlined />} loading={downloading} onClick={download}>
          {t('下载Word')}
        </Button>
      </Flex>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex vertical gap={8}>
          <Flex align="center" gap={8} wrap>
            <Typography.Text strong style={{ color: '#b3181f' }}>
              {t(proposalNumberText(proposal.number))}
            </Typography.Text>
            <ProposalStateTag state={proposal.state} name={proposal.stateName} />
            <Tag>{t(proposalKindNames[proposal.kind])}</Tag>
            {category ? <Tag color="blue">{category}</Tag> : null}
          </Flex>
          <Typography.Title level={phone ? 4 : 3} style={{ margin: 0 }}>
            {proposal.title}
          </Typography.Title>
          <Flex gap={6} wrap align="center">
            <Typography.Text type="secondary">{t('提案人')}：</Typography.Text>
            {proposal.proposers.map((person) => (
              <Tag
                key={`${person.role}-${person.memberId ?? person.name}-${person.fromProposalId ?? ''}`}
                color={
                  person.role === 'lead' || person.role === 'collective' ? 'red' : person.role === 'merged' ? 'purple' : 'default'
                }
              >
                {person.name}
                {`（${t(proposerRoleNames[person.role])}）`}
              </Tag>
            ))}
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: '0.9em' }}>
            {proposal.submittedAt
              ? `${t('提交于')} ${formatDateTime(proposal.submittedAt)}`
              : `${t('创建于')} ${formatDateTime(proposal.createdAt)}`}
            {proposal.filedAt ? ` · ${t('立案于')} ${formatDateTime(proposal.filedAt)}` : ''}
          </Typography.Text>
          <ProposalActionsBar proposal={proposal} ok={feedback.ok} fail={feedback.fail} />
        </Flex>
      </Card>
      {myInvitation ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('邀请您联名这份提案')}
          description={
            proposal.coSigningDeadline ? `${t('请在')} ${formatDate(proposal.coSigningDeadline)} ${t('前答复')}` : undefined
          }
        />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Flex vertical gap={16}>
            <DecisionCard proposal={proposal} />
            <Card size="small" title={t('提案正文')}>
              <Section title={proposalFieldLabels.background} text={proposal.background} />
              <Section title={proposalFieldLabels.suggestions} text={proposal.suggestions} />
              <Descriptions
                size="small"
                column={1}
                items={[
                  {
                    key: 'keywords',
                    label: t('关键词'),
                    children: proposal.keywords.length ? proposal.keywords.map((word) => <Tag key={word}>{word}</Tag>) : '—',
                  },
                  {
                    key: 'publish',
                    label: t('是否同意公开'),
                    children: proposal.agreesToPublish
                      ? t('同意公开')
                      : `${t('不同意公开')}${proposal.publicationRefusalReason ? `：${proposal.publicationRefusalReason}` : ''}`,
                  },
                  { key: 'length', label: t('正文字数'), children: `${proposal.bodyLength} / ${proposal.bodyMaxCharacters}` },
                ]}
              />
            </Card>
            <AttachmentsPanel proposalId={proposal.id} editable={hasAction(proposal, 'edit')} />
            <div id={SUPPLEMENTS_ANCHOR}>
              <SupplementsCard proposal={proposal} ok={feedback.ok} fail={feedback.fail} />
            </div>
            <AssignmentsCard proposal={proposal} />
            <ProposalRepliesCard proposalId={proposal.id} proposalState={proposal.state} ok={feedback.ok} />
          </Flex>
        </Col>
        <Col xs={24} lg={8}>
          <Flex vertical gap={16}>
            {showCoSigners || myInvitation || hasAction(proposal, 'invite_co_signers') ? (
              <div id={CO_SIGNERS_ANCHOR}>
                <CoSignersPanel proposal={proposal} onChanged={adopt} ok={feedback.ok} fail={feedback.fail} />
              </div>
            ) : null}
            <MergesCard proposal={proposal} />
            <HistoryTimeline proposalId={proposal.id} />
          </Flex>
        </Col>
      </Row>
    </div>
  );
}

/** One part of the text with its heading; empty parts say so. */
function Section({ title, text }: { title: string; text: string }) {
  const t = useText();
  return (
    <div style={{ marginBottom: 16 }}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t(title)}
      </Typography.Title>
      {text.trim() ? (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', lineHeight: 1.8, marginBottom: 0 }}>{text}</Typography.Paragraph>
      ) : (
        <Typography.Text type="secondary">{t('（未填写）')}</Typography.Text>
      )}
    </div>
  );
}

/** The office's last decision: what, why (reason code and text), when. */
function DecisionCard({ proposal }: { proposal: Proposal }) {
  const t = useText();
  const decision = proposal.decision;
  if (!decision) return null;
  const type = decision.action === 'reject' ? 'error' : decision.action === 'return' ? 'warning' : 'success';
  const what =
    decision.action === 'convert' && decision.convertedTo
      ? `${t('转为')}${t(conversionTargetNames[decision.convertedTo])}`
      : t(decisionNames[decision.action]);
  return (
    <Alert
      type={type}
      showIcon
      title={`${t('提案委审查意见')}：${what}`}
      description={
        <div>
          {decision.reasonCodeName ? (
            <div>
              {t('理由类别')}：{decision.reasonCodeName}
            </div>
          ) : null}
          {decision.reason ? <div style={{ whiteSpace: 'pre-wrap' }}>{decision.reason}</div> : null}
          <Typography.Text type="secondary" style={{ fontSize: '0.9em' }}>
            {formatDateTime(decision.decidedAt)}
          </Typography.Text>
        </div>
      }
    />
  );
}

/** 并案: the proposal this one was merged into, or the proposals merged into this one. */
function MergesCard({ proposal }: { proposal: Proposal }) {
  const t = useText();
  if (!proposal.mergedInto && proposal.mergedProposals.length === 0) return null;
  return (
    <Card size="small" title={t('并案')}>
      {proposal.mergedInto ? (
        <div style={{ marginBottom: proposal.mergedProposals.length ? 12 : 0 }}>
          <Typography.Text type="secondary">{t('已并入')}：</Typography.Text>
          <Link to={`/proposals/${proposal.mergedInto.id}`}>
            {proposal.mergedInto.number ? `${t(proposalNumberText(proposal.mergedInto.number))} ` : ''}
            {proposal.mergedInto.title}
          </Link>
        </div>
      ) : null}
      {proposal.mergedProposals.length > 0 ? (
        <div>
          <Typography.Text type="secondary">{t('并入本案的提案')}：</Typography.Text>
          <ul style={{ paddingInlineStart: 20, margin: '4px 0 0' }}>
            {proposal.mergedProposals.map((item) => (
              <li key={item.id}>
                <Link to={`/proposals/${item.id}`}>{item.title}</Link>
                <Typography.Text type="secondary">（{item.authorName}）</Typography.Text>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </Card>
  );
}

/** 交办: the units, their part (主办/会办/单办/分办), state and due date. */
function AssignmentsCard({ proposal }: { proposal: Proposal }) {
  const t = useText();
  const phone = usePhone();
  if (proposal.assignments.length === 0) return null;
  return (
    <Card size="small" title={t('承办单位')}>
      {phone ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {proposal.assignments.map((item) => (
            <Flex
              key={item.id}
              justify="space-between"
              gap={8}
              wrap
              style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 8 }}
            >
              <div>
                <Tag color={item.role === 'lead' || item.role === 'sole' ? 'red' : 'default'}>
                  {t(assignmentRoleNames[item.role])}
                </Tag>
                <Typography.Text strong>{item.unitName}</Typography.Text>
              </div>
              <Typography.Text type="secondary">
                {item.stateName} · {t('答复期限')} {formatDate(item.dueOn)}
              </Typography.Text>
            </Flex>
          ))}
        </Space>
      ) : (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={proposal.assignments}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
          columns={[
            { title: t('承办单位'), dataIndex: 'unitName' },
            {
              title: t('方式'),
              dataIndex: 'role',
              width: 90,
              render: (role: Proposal['assignments'][number]['role']) => (
                <Tag color={role === 'lead' || role === 'sole' ? 'red' : 'default'}>{t(assignmentRoleNames[role])}</Tag>
              ),
            },
            { title: t('状态'), dataIndex: 'stateName', width: 110 },
            { title: t('答复期限'), dataIndex: 'dueOn', width: 150, render: (value: string) => formatDate(value) },
            {
              title: t('签收时间'),
              dataIndex: 'signedForAt',
              width: 170,
              render: (value: string | null) => formatDateTime(value),
            },
          ]}
        />
      )}
    </Card>
  );
}
