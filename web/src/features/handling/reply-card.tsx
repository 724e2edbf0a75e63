/**
 * One reply as the unit, the office and the proposers read it: state, round, class, the text, the contact person
 * and phone as sent, its files, the sign-off trail, the ratings, and the workflow actions the server offers.
 */
import { Alert, Card, Descriptions, Divider, Flex, List, Steps, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { type Reply, ratingNames } from '../../../../contracts/handling.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { ReplyActions } from './reply-actions.tsx';
import { ReplyFiles } from './reply-files.tsx';
import { type ResultClassOption, ratingColor, replyStateColor, roundText } from './reply-rules.ts';

/**
 * The steps of a reply from the draft to the raters; the leader's sign-off shows where the kind needs it (or the
 * reply went through it), the office's review when the reply went through it.
 */
function trailSteps(reply: Reply, t: (text: string) => string, signOff: boolean, raters: string) {
  const reviewed = reply.state === 'office_review' || (reply.unitResultClass !== null && reply.state === 'sent');
  const signed = signOff || reply.signedOffByName !== null || reply.state === 'pending_signoff';
  const steps = [
    { key: 'draft', title: t('起草'), content: t(reply.draftedByName) },
    ...(signed
      ? [
          {
            key: 'signoff',
            title: t('领导签发'),
            content: reply.signedOffByName ? `${t(reply.signedOffByName)} ${formatDateTime(reply.signedOffAt)}` : undefined,
          },
        ]
      : []),
    ...(reviewed ? [{ key: 'review', title: t('提案委审核'), content: undefined }] : []),
    { key: 'sent', title: t(`答复${raters}`), content: reply.sentAt ? formatDateTime(reply.sentAt) : undefined },
  ];
  const at: Record<string, string> = {
    draft: 'draft',
    pending_signoff: 'signoff',
    office_review: 'review',
    sent: 'sent',
  };
  const current = Math.max(
    0,
    steps.findIndex((step) => step.key === at[reply.state]),
  );
  return { steps, current, finished: reply.state === 'sent' };
}

/** The card; `extra` goes under the body (the rating form on the proposal page). */
export function ReplyCard(props: {
  reply: Reply;
  resultClasses?: readonly ResultClassOption[];
  /** Show the sign-off steps (the unit's and the office's view). */
  showTrail?: boolean;
  onDone: (message: string) => void;
  extra?: ReactNode;
  /** Buttons in the card's header (修改 on the unit's draft). */
  headerExtra?: ReactNode;
  /** The kind's replies need the leader's sign-off (proposals; default). */
  signOff?: boolean;
  /** Who the reply answers: 提案人 (default) or 建议人. */
  raters?: string;
  /** Word the files as photos of the fixed problem (a micro-suggestion). */
  photos?: boolean;
}) {
  const t = useT();
  const { reply } = props;
  const [error, setError] = useState<string | null>(null);
  const raters = props.raters ?? '提案人';
  const trail = trailSteps(reply, t, props.signOff ?? true, raters);
  const title = reply.kind === 'follow_up' ? t('后续办理情况报告') : t('答复');
  return (
    <Card
      size="small"
      extra={props.headerExtra}
      title={
        <Flex gap={8} align="center" wrap style={{ whiteSpace: 'normal', paddingBlock: 6 }}>
          <Tag color={replyStateColor(reply.state)}>{t(reply.stateName)}</Tag>
          <Typography.Text strong>
            {t(reply.unitName)} · {title}
          </Typography.Text>
          <Tag color={reply.round > 1 ? 'volcano' : 'default'}>{t(roundText(reply.round))}</Tag>
          {reply.resultClass ? (
            <Tag color="blue">
              {reply.resultClass} {t('类')}
              {reply.resultClassName ? ` · ${t(reply.resultClassName)}` : ''}
            </Tag>
          ) : null}
        </Flex>
      }
    >
      {reply.returnReason && reply.state === 'draft' ? (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`${t('退回理由')}：${t(reply.returnReason)}`} />
      ) : null}
      {reply.unitResultClass ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`${t('提案委审核时将答复类别由')} ${reply.unitResultClass} ${t('类调整为')} ${reply.resultClass} ${t('类')}`}
        />
      ) : null}
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', lineHeight: 1.8 }}>{reply.text}</Typography.Paragraph>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        styles={{ label: { whiteSpace: 'nowrap' } }}
        items={[
          { key: 'person', label: t('联系人'), children: reply.contactPerson },
          { key: 'phone', label: t('联系电话'), children: reply.contactPhone },
          ...(reply.followUpDueOn
            ? [{ key: 'followUp', label: t('后续报告日期'), children: formatDate(reply.followUpDueOn) }]
            : []),
          ...(reply.sentAt ? [{ key: 'sent', label: t('答复时间'), children: formatDateTime(reply.sentAt) }] : []),
        ]}
      />
      <ReplyFiles reply={reply} photos={props.photos} />
      {props.showTrail ? (
        <Steps
          size="small"
          style={{ marginTop: 8 }}
          current={trail.current}
          status={trail.finished ? 'finish' : 'process'}
          items={trail.steps.map(({ title: stepTitle, content }) => ({ title: stepTitle, content }))}
          responsive
        />
      ) : null}
      {reply.ratings.length > 0 ? (
        <>
          <Divider titlePlacement="start" plain style={{ marginBlock: 12 }}>
            {t(`${raters}评价`)}
          </Divider>
          <List
            size="small"
            dataSource={reply.ratings}
            renderItem={(rating) => (
              <List.Item>
                <Flex vertical gap={2} style={{ width: '100%' }}>
                  <Flex gap={8} wrap align="center">
                    <Typography.Text strong>{t(rating.memberName)}</Typography.Text>
                    <Tag color={ratingColor(rating.rating)}>{t(rating.ratingName || ratingNames[rating.rating])}</Tag>
                    <Typography.Text type="secondary" style={{ fontSize: '0.9em' }}>
                      {formatDateTime(rating.ratedAt)}
                    </Typography.Text>
                  </Flex>
                  <Typography.Text type="secondary" style={{ fontSize: '0.9em' }}>
                    {t('承办单位是否沟通')}：{yesNo(rating.contacted, t)} · {t('是否回应建议')}：{yesNo(rating.addressed, t)}
                  </Typography.Text>
                  {rating.comment ? <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{rating.comment}</Typography.Text> : null}
                </Flex>
              </List.Item>
            )}
          />
        </>
      ) : null}
      {props.extra}
      {error ? <Alert type="error" showIcon style={{ marginTop: 12 }} title={t(error)} /> : null}
      {reply.actions.length > 0 ? (
        <div style={{ marginTop: 12 }}>
          <ReplyActions reply={reply} resultClasses={props.resultClasses} onDone={props.onDone} onError={setError} />
        </div>
      ) : null}
    </Card>
  );
}

/** 是 / 否 / 未答. */
function yesNo(value: boolean | null, t: (text: string) => string): string {
  if (value === null) return t('未答');
  return value ? t('是') : t('否');
}
