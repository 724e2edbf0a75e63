/**
 * A unit's reply to a micro-suggestion as the member and the office read it: the unit, the round, when it was sent
 * (按期 or 逾期), the text, the photos of the fixed problem, the ratings — and the member's rating form while the
 * server says they may rate it.
 */
import { Card, Divider, Flex, List, Tag, Typography } from 'antd';
import { ratingNames } from '../../../../contracts/handling.ts';
import type { MicroReply } from '../../../../contracts/micro-suggestions.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useText } from '../../lib/i18n.tsx';
import { PhotoGallery } from './micro-photos.tsx';
import { MicroRatingForm } from './micro-rating-form.tsx';

/** The tag colour of a rating. */
export function ratingColor(rating: string): string {
  if (rating === 'satisfied') return 'success';
  if (rating === 'basically_satisfied') return 'processing';
  return 'error';
}

/** The card. */
export function MicroReplyCard(props: {
  reply: MicroReply;
  itemId: string;
  ratingDueOn: string | null;
  onRated: (message: string) => void;
}) {
  const t = useText();
  const { reply } = props;
  return (
    <Card
      size="small"
      className="micro-reply"
      title={
        <Flex gap={8} align="center" wrap style={{ whiteSpace: 'normal', paddingBlock: 6 }}>
          <Typography.Text strong>
            {t(reply.unitName)} · {t(reply.round > 1 ? `第 ${reply.round} 次答复` : '答复')}
          </Typography.Text>
          {reply.onTime === true ? <Tag color="success">{t('按期答复')}</Tag> : null}
          {reply.onTime === false ? <Tag color="error">{t('逾期答复')}</Tag> : null}
        </Flex>
      }
    >
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', lineHeight: 1.8 }}>{reply.text}</Typography.Paragraph>
      {reply.photos.length > 0 ? (
        <div style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 6 }}>
            {t('办理后照片')}
          </Typography.Text>
          <PhotoGallery photos={reply.photos} />
        </div>
      ) : null}
      <Typography.Text type="secondary" style={{ fontSize: '0.9em' }}>
        {t('答复时间')}：{formatDateTime(reply.sentAt)}
      </Typography.Text>
      {reply.ratings.length > 0 ? (
        <>
          <Divider titlePlacement="start" plain style={{ marginBlock: 12 }}>
            {t('委员评价')}
          </Divider>
          <List
            size="small"
            dataSource={reply.ratings}
            renderItem={(rating) => (
              <List.Item style={{ paddingInline: 0 }}>
                <Flex vertical gap={2} style={{ width: '100%' }}>
                  <Flex gap={8} wrap align="center">
                    <Typography.Text strong>{t(rating.memberName)}</Typography.Text>
                    <Tag color={ratingColor(rating.rating)}>{t(rating.ratingName || ratingNames[rating.rating])}</Tag>
                    <Typography.Text type="secondary" style={{ fontSize: '0.9em' }}>
                      {formatDateTime(rating.ratedAt)}
                    </Typography.Text>
                  </Flex>
                  {rating.comment ? <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{rating.comment}</Typography.Text> : null}
                </Flex>
              </List.Item>
            )}
          />
        </>
      ) : null}
      {reply.canRate ? (
        <MicroRatingForm replyId={reply.id} itemId={props.itemId} ratingDueOn={props.ratingDueOn} onDone={props.onRated} />
      ) : null}
    </Card>
  );
}
