/**
 * 答复 on the unit's handling page: every reply of the assignment (state, round, class, trail, ratings, actions),
 * the draft being worked on with its editor, and the editor for a new reply or follow-up report when allowed.
 */
import { EditOutlined, FileAddOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Typography } from 'antd';
import { useState } from 'react';
import type { HandlingView, Reply, ReplyKind } from '../../../../contracts/handling.ts';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { ReplyCard } from './reply-card.tsx';
import { ReplyEditor } from './reply-editor.tsx';
import { editableReply, type ReplyFormValues, ratersWord, roundText } from './reply-rules.ts';

/** The contact person and phone of the unit's last reply, to start a new one from. */
function lastContact(replies: readonly Reply[]): ReplyFormValues | undefined {
  const last = replies[replies.length - 1];
  return last ? { contactPerson: last.contactPerson, contactPhone: last.contactPhone } : undefined;
}

/** The section. */
export function RepliesSection(props: { view: HandlingView; onDone: (message: string) => void }) {
  const t = useT();
  const { view } = props;
  const [editing, setEditing] = useState<string | null>(null);
  const [followUp, setFollowUp] = useState(false);
  const draft = editableReply(view.replies);
  // Newest first: the reply being worked on or just sent is what the unit came for.
  const replies = [...view.replies].reverse();
  const newKind: ReplyKind | null = draft
    ? null
    : view.rules.canDraftReply
      ? 'reply'
      : view.rules.canDraftFollowUp && followUp
        ? 'follow_up'
        : null;
  // A reply after a dissatisfied rating starts the next round (二次办理).
  const lastRound = Math.max(0, ...view.replies.filter((reply) => reply.kind === 'reply').map((reply) => reply.round));
  const heading = newKind === 'reply' && lastRound > 0 ? `起草${roundText(lastRound + 1)}答复` : undefined;
  const isProposal = view.item.kind === 'proposal';
  const kindProps = {
    signOff: view.rules.leaderSignOff,
    raters: ratersWord(view.item.kind),
    photos: !isProposal,
  };
  const offerFollowUp = !draft && !view.rules.canDraftReply && view.rules.canDraftFollowUp && !followUp;

  return (
    <Flex vertical gap={12}>
      {newKind ? (
        <ReplyEditor
          assignmentId={view.assignment.id}
          kind={newKind}
          reply={null}
          resultClasses={view.resultClasses}
          initial={lastContact(view.replies)}
          heading={heading}
          leaderSignOff={view.rules.leaderSignOff}
          onCancel={newKind === 'follow_up' ? () => setFollowUp(false) : undefined}
          onSaved={(message) => {
            setFollowUp(false);
            props.onDone(message);
          }}
        />
      ) : null}
      {offerFollowUp ? (
        <Flex justify="flex-start">
          <Button icon={<FileAddOutlined />} onClick={() => setFollowUp(true)}>
            {t('起草后续办理情况报告')}
          </Button>
        </Flex>
      ) : null}
      {replies.length === 0 && !newKind ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('尚无答复')} /> : null}
      {replies.map((reply) =>
        draft?.id === reply.id && editing === reply.id ? (
          <ReplyEditor
            key={reply.id}
            assignmentId={view.assignment.id}
            kind={reply.kind}
            reply={reply}
            resultClasses={view.resultClasses}
            leaderSignOff={view.rules.leaderSignOff}
            onCancel={() => setEditing(null)}
            onSaved={(message) => {
              setEditing(null);
              props.onDone(message);
            }}
          />
        ) : (
          <ReplyCard
            key={reply.id}
            reply={reply}
            resultClasses={view.resultClasses}
            showTrail
            {...kindProps}
            onDone={props.onDone}
            headerExtra={
              draft?.id === reply.id ? (
                <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(reply.id)}>
                  {t('修改')}
                </Button>
              ) : null
            }
          />
        ),
      )}
      {draft && view.rules.requiresContact && view.contacts.length === 0 ? (
        <Typography.Text type="warning">{t('提示：送签前须先记录与提案人的沟通情况。')}</Typography.Text>
      ) : null}
    </Flex>
  );
}
