/**
 * 办理答复 on the proposal page: each unit's reply (round, class, text, sent date, contact person and phone as sent),
 * the proposer's rating form while they may rate, their rating once given, the rating deadline, the ratings for
 * staff, and the office's release/return of replies in review. Hidden when the reader may not see any reply.
 */
import { Alert, Card, Empty, Flex, Tag, Typography } from 'antd';
import { ratingNames } from '../../../../contracts/handling.ts';
import { formatDate } from '../../lib/format.ts';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { useProposalReplies } from './handling-api.ts';
import { RatingForm } from './rating-form.tsx';
import { ReplyCard } from './reply-card.tsx';
import { ratingColor } from './reply-rules.ts';

/** Proposal states in which replies may exist. */
const HANDLED_STATES = new Set(['assigned', 'replied', 'rehandling', 'closed', 'archived']);

/** The card; `proposalState` decides whether to ask at all. */
export function ProposalRepliesCard(props: { proposalId: string; proposalState: string; ok: (message: string) => void }) {
  const t = useT();
  const handled = HANDLED_STATES.has(props.proposalState);
  const loaded = useProposalReplies(props.proposalId, handled);
  if (!handled || loaded.isError) return null;
  const data = loaded.data;
  const items = data ? [...data.items].reverse() : [];
  const mayRate = items.some((reply) => reply.canRate);
  return (
    <Card size="small" title={t('办理答复')} loading={loaded.isPending} id="replies">
      {data?.ratingDueOn && data.state === 'replied' ? (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
          {t('评价截止日期')}：{formatDate(data.ratingDueOn)}
        </Typography.Paragraph>
      ) : null}
      {mayRate ? (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('承办单位已答复您的提案，请阅读答复后作出评价。')} />
      ) : null}
      {data && items.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t(props.proposalState === 'assigned' ? '承办单位正在办理，尚未答复' : '暂无答复')}
        />
      ) : null}
      <Flex vertical gap={12}>
        {items.map((reply) => (
          <ReplyCard
            key={reply.id}
            reply={reply}
            onDone={props.ok}
            extra={
              <>
                {reply.myRating ? (
                  <Flex gap={8} align="center" wrap style={{ marginTop: 8 }}>
                    <Typography.Text>{t('我的评价')}：</Typography.Text>
                    <Tag color={ratingColor(reply.myRating)}>{t(ratingNames[reply.myRating])}</Tag>
                  </Flex>
                ) : null}
                {reply.canRate ? (
                  <RatingForm
                    proposalId={props.proposalId}
                    replyId={reply.id}
                    ratingDueOn={data?.ratingDueOn ?? null}
                    onDone={props.ok}
                  />
                ) : null}
              </>
            }
          />
        ))}
      </Flex>
    </Card>
  );
}
