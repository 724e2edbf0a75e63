/**
 * The side drawer of the review queue: a proposal's text, proposers, the categories the committee's history
 * suggests, and similar items (with their shared words), with the review actions.
 */
import { ExportOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Drawer, Empty, Flex, List, Popconfirm, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { type Proposal, proposalFieldLabels } from '../../../../contracts/proposals.ts';
import { formatDateTime } from '../../lib/format.ts';
import { errorMessage } from '../../pages/admin/shared/admin-api.ts';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { useDrawerSize, useWidthScale } from '../../pages/admin/shared/admin-ui.tsx';
import { useDictionary } from '../orgs/orgs-api.ts';
import { AttachmentsPanel } from '../proposals/attachments-panel.tsx';
import { HistoryTypeTag, SessionName, SharedTerms, SimilarityTag } from '../search/similar-item-meta.tsx';
import { CategorySuggestionList } from './category-suggestion-list.tsx';
import { mergeableSimilar } from './merge-dialog.tsx';
import { proposalKindNames, proposerRoleNames } from './proposal-names.ts';
import { reviewActionNames, reviewActions, useProposal, useProposalAction, useSimilarProposals } from './review-api.ts';
import { waitingDays } from './waiting-days.ts';

/** A titled block of the proposal's text, keeping its paragraphs. */
function TextBlock({ title, text }: { title: string; text: string }) {
  const t = useT();
  return (
    <div>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t(title)}
      </Typography.Title>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{text.trim() || '—'}</Typography.Paragraph>
    </div>
  );
}

/** The similar items of one (proposals and imported history), with 并入 into the filed or assigned proposals. */
function SimilarList(props: { proposal: Proposal; onMerged: (proposal: Proposal) => void; fail: (error: unknown) => void }) {
  const t = useT();
  const { proposal } = props;
  const similar = useSimilarProposals(proposal.title, proposal.id, proposal.keywords);
  const merge = useProposalAction();
  const mergeable = new Set(mergeableSimilar(similar.data).map((item) => item.id));
  const canMerge = proposal.actions.some((item) => item.action === 'merge');
  if (similar.isLoading) return <Skeleton active paragraph={{ rows: 2 }} />;
  if (similar.error) return <Alert type="warning" title={t(errorMessage(similar.error))} />;
  if (!similar.data?.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('没有相似的提案')} />;
  return (
    <List
      size="small"
      dataSource={similar.data}
      rowKey={(item) => `${item.type ?? 'proposal'}:${item.id}`}
      renderItem={(item) => (
        <List.Item
          actions={
            canMerge && mergeable.has(item.id)
              ? [
                  <Popconfirm
                    key="merge"
                    title={t('并入这件提案？')}
                    description={t('本提案的提案人将计为并入提案的提案人，并收到同一份答复。')}
                    okText={t('并入')}
                    cancelText={t('取消')}
                    onConfirm={async () => {
                      try {
                        const updated = await merge.mutateAsync({
                          id: proposal.id,
                          version: proposal.version,
                          action: 'merge',
                          body: { targetId: item.id },
                        });
                        props.onMerged(updated);
                      } catch (error) {
                        props.fail(error);
                      }
                    }}
                  >
                    <Button size="small" type="primary" ghost loading={merge.isPending}>
                      {t('并入')}
                    </Button>
                  </Popconfirm>,
                ]
              : []
          }
        >
          <Flex vertical gap={4} style={{ minWidth: 0 }}>
            {item.type === 'history' ? (
              <Typography.Text>
                {item.number ? `${t(item.number)} ` : ''}
                {t(item.title)}
              </Typography.Text>
            ) : (
              <Link to={`/proposals/${item.id}`}>
                {item.number ? `${t('第')}${item.number}${t('号')} ` : ''}
                {t(item.title)}
              </Link>
            )}
            <Space size={4} wrap>
              <HistoryTypeTag type={item.type} />
              {item.state ? <Tag style={{ marginInlineEnd: 0 }}>{t(stateLabel(item.state))}</Tag> : null}
              <SimilarityTag score={item.score} />
              <SessionName sessionId={item.sessionId} />
            </Space>
            <SharedTerms terms={item.sharedTerms} />
          </Flex>
        </List.Item>
      )}
    />
  );
}

const stateLabels: Record<string, string> = {
  submitted: '待审查',
  filed: '已立案',
  assigned: '已交办',
  returned: '已退回',
  rejected: '不予立案',
  merged: '已并案',
  converted: '已转',
  draft: '草稿',
  co_signing: '联名中',
  withdrawn: '已撤回',
};

/** The Chinese name of a proposal state. */
export function stateLabel(state: string): string {
  return stateLabels[state] ?? state;
}

/** 「将按“科技”立案（原类别：经济建设）」 with 撤销: the category the office chose, shown beside the 立案 button. */
export function CategoryChoiceNote(props: { chosenName: string; currentName: string; onUndo: () => void }) {
  const t = useT();
  return (
    <Alert
      type="info"
      showIcon
      data-testid="category-choice"
      title={`${t('将按')}“${t(props.chosenName)}”${t('立案')}（${t('原类别')}：${t(props.currentName)}）`}
      action={
        <Button size="small" type="link" onClick={props.onUndo}>
          {t('撤销')}
        </Button>
      }
    />
  );
}

/** The drawer; `onAction` opens an action's dialog, `onMerged` reports a one-click merge. */
export function ReviewDrawer(props: {
  proposalId: string | null;
  onClose: () => void;
  /** Opens an action's dialog; for 立案 with the category the office chose in the drawer (when it differs). */
  onAction: (proposalId: string, action: string, options?: { categoryId?: string }) => void;
  onMerged: (proposal: Proposal) => void;
  fail: (error: unknown) => void;
}) {
  const t = useT();
  const size = useDrawerSize(720);
  const w = useWidthScale();
  const { data: proposal, isLoading, error } = useProposal(props.proposalId);
  const categories = useDictionary('proposal_category');
  const categoryName = (id: string | null) => categories.data?.find((entry) => entry.id === id)?.name ?? '—';
  const officeActions = (proposal?.actions ?? []).filter((item) => (reviewActions as readonly string[]).includes(item.action));
  const days = waitingDays(proposal?.submittedAt);
  // The category chosen to file under, remembered per proposal (another proposal starts from its own category).
  const [choice, setChoice] = useState<{ proposalId: string; categoryId: string } | null>(null);
  const canFile = officeActions.some((item) => item.action === 'file');
  const chosenCategoryId =
    canFile && proposal && choice?.proposalId === proposal.id && choice.categoryId !== proposal.categoryId
      ? choice.categoryId
      : null;
  const chosenName =
    chosenCategoryId !== null ? (categories.data?.find((entry) => entry.id === chosenCategoryId)?.name ?? null) : null;
  const choose = (categoryId: string | null) =>
    setChoice(proposal && categoryId ? { proposalId: proposal.id, categoryId } : null);
  return (
    <Drawer
      open={props.proposalId !== null}
      onClose={props.onClose}
      size={size}
      title={t('提案审查')}
      extra={
        proposal ? (
          <Link to={`/proposals/${proposal.id}`}>
            {t('打开详情页')} <ExportOutlined />
          </Link>
        ) : null
      }
      footer={
        officeActions.length > 0 ? (
          <Flex vertical gap={8}>
            {chosenCategoryId ? (
              <CategoryChoiceNote
                chosenName={chosenName ?? chosenCategoryId}
                currentName={categoryName(proposal?.categoryId ?? null)}
                onUndo={() => choose(null)}
              />
            ) : null}
            <Flex wrap gap={8}>
              {officeActions.map((item) => (
                <Button
                  key={item.action}
                  type={item.action === 'file' ? 'primary' : 'default'}
                  danger={item.action === 'reject'}
                  onClick={() =>
                    proposal &&
                    props.onAction(
                      proposal.id,
                      item.action,
                      item.action === 'file' && chosenCategoryId ? { categoryId: chosenCategoryId } : undefined,
                    )
                  }
                >
                  {t(reviewActionNames[item.action as keyof typeof reviewActionNames] ?? item.label)}
                </Button>
              ))}
            </Flex>
          </Flex>
        ) : null
      }
    >
      {isLoading ? <Skeleton active paragraph={{ rows: 8 }} /> : null}
      {error ? <Alert type="error" showIcon title={t(errorMessage(error))} /> : null}
      {proposal ? (
        <Flex vertical gap={20}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t(proposal.title)}
          </Typography.Title>
          <Descriptions bordered size="small" column={1} styles={{ label: { width: w(96), whiteSpace: 'nowrap' } }}>
            <Descriptions.Item label={t('状态')}>{t(proposal.stateName)}</Descriptions.Item>
            <Descriptions.Item label={t('类型')}>{t(proposalKindNames[proposal.kind])}</Descriptions.Item>
            <Descriptions.Item label={t('类别')}>
              {chosenCategoryId ? (
                <Space size={4} wrap>
                  <Typography.Text delete type="secondary">
                    {t(categoryName(proposal.categoryId))}
                  </Typography.Text>
                  <span aria-hidden>→</span>
                  <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                    {t(chosenName ?? '—')}
                  </Tag>
                  <Typography.Text type="secondary">{t('（立案时采用）')}</Typography.Text>
                </Space>
              ) : (
                t(categoryName(proposal.categoryId))
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('建议类别')}>
              <CategorySuggestionList
                proposalId={proposal.id}
                currentCategoryId={proposal.categoryId}
                chosenCategoryId={chosenCategoryId}
                onChoose={canFile ? choose : undefined}
              />
            </Descriptions.Item>
            <Descriptions.Item label={t('提交时间')}>
              {formatDateTime(proposal.submittedAt)}
              {days !== null && proposal.state === 'submitted' ? ` · ${t('已等待')} ${days} ${t('天')}` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('关键词')}>
              {proposal.keywords.length ? proposal.keywords.map((word) => <Tag key={word}>{t(word)}</Tag>) : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('提案人')}>
              <Flex wrap gap={6}>
                {proposal.proposers.map((person) => (
                  <Tag
                    key={`${person.role}-${person.memberId ?? person.name}`}
                    color={person.role === 'lead' ? 'red' : undefined}
                  >
                    {t(person.name)}
                    <Typography.Text type="secondary" style={{ fontSize: '0.85em' }}>
                      {' '}
                      {t(proposerRoleNames[person.role])}
                    </Typography.Text>
                  </Tag>
                ))}
              </Flex>
            </Descriptions.Item>
            <Descriptions.Item label={t('公开')}>
              {proposal.agreesToPublish ? t('同意公开') : `${t('不同意公开')}：${t(proposal.publicationRefusalReason ?? '')}`}
            </Descriptions.Item>
          </Descriptions>
          <TextBlock title={proposalFieldLabels.background} text={proposal.background} />
          <TextBlock title={proposalFieldLabels.suggestions} text={proposal.suggestions} />
          <AttachmentsPanel proposalId={proposal.id} editable={false} />
          {proposal.supplements.length > 0 ? (
            <div>
              <Typography.Title level={5}>{t('补充材料')}</Typography.Title>
              {proposal.supplements.map((item) => (
                <Typography.Paragraph key={item.id} style={{ whiteSpace: 'pre-wrap' }}>
                  <Typography.Text type="secondary">
                    {t(item.authorName)} · {formatDateTime(item.createdAt)}
                  </Typography.Text>
                  <br />
                  {t(item.text)}
                </Typography.Paragraph>
              ))}
            </div>
          ) : null}
          <div>
            <Typography.Title level={5}>{t('相似提案')}</Typography.Title>
            <SimilarList proposal={proposal} onMerged={props.onMerged} fail={props.fail} />
          </div>
        </Flex>
      ) : null}
    </Drawer>
  );
}
