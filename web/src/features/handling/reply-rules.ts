/** The reply form's rules and the handling screens' labels: pure functions the components and tests share. */
import type { Rating, Reply, ReplyAction, ReplyKind } from '../../../../contracts/handling.ts';
import type { RatingInput, ReplyInput } from './handling-api.ts';

/** A result class as the handling view lists it; `needsFollowUp` when the server sends it. */
export type ResultClassOption = { code: string; name: string; needsFollowUp?: boolean };

/** The default scheme's class that promises a later report (B: 列入计划拟逐步解决), used when the server does not say. */
const DEFAULT_FOLLOW_UP_CLASSES = new Set(['B']);

/** The phone pattern of the server's reply schema. */
export const CONTACT_PHONE_PATTERN = /^[0-9+\-() ]{5,30}$/;

/** Whether a reply of this class must carry a follow-up report date. */
export function classNeedsFollowUp(classes: readonly ResultClassOption[], code: string | null | undefined): boolean {
  if (!code) return false;
  const found = classes.find((item) => item.code === code);
  if (found && typeof found.needsFollowUp === 'boolean') return found.needsFollowUp;
  return DEFAULT_FOLLOW_UP_CLASSES.has(code);
}

/** Which fields of the reply form are required now. */
export type ReplyRequirements = { resultClass: boolean; followUpDueOn: boolean; showFollowUp: boolean };

/**
 * A reply needs a class; a class that promises a later report needs its date; a follow-up report needs neither; a
 * kind whose replies are not classed (no classes listed: a micro-suggestion) needs neither either.
 */
export function replyRequirements(
  kind: ReplyKind,
  classes: readonly ResultClassOption[],
  resultClass: string | null | undefined,
): ReplyRequirements {
  if (kind === 'follow_up' || classes.length === 0) return { resultClass: false, followUpDueOn: false, showFollowUp: false };
  const needsDate = classNeedsFollowUp(classes, resultClass);
  return { resultClass: true, followUpDueOn: needsDate, showFollowUp: needsDate };
}

/** The values of the reply form. */
export type ReplyFormValues = {
  text?: string;
  resultClass?: string | null;
  contactPerson?: string;
  contactPhone?: string;
  followUpDueOn?: string | null;
};

/** The request body of the form's values: trimmed, empty optional fields left out, the date only when it applies. */
export function replyBody(kind: ReplyKind, classes: readonly ResultClassOption[], values: ReplyFormValues): ReplyInput {
  const needs = replyRequirements(kind, classes, values.resultClass);
  const body: ReplyInput = {
    text: (values.text ?? '').trim(),
    contactPerson: (values.contactPerson ?? '').trim(),
    contactPhone: (values.contactPhone ?? '').trim(),
  };
  if (kind === 'reply' && classes.length > 0 && values.resultClass) body.resultClass = values.resultClass;
  if (needs.showFollowUp && values.followUpDueOn) body.followUpDueOn = values.followUpDueOn;
  return body;
}

/**
 * The reply the unit is working on (a draft, or one sent back), which the editor edits instead of starting one: a
 * draft it may send for sign-off (submit) or, for a kind without sign-off, send itself.
 */
export function editableReply(replies: readonly Reply[]): Reply | null {
  return (
    replies.find(
      (reply) => reply.state === 'draft' && reply.actions.some((item) => item.action === 'submit' || item.action === 'send'),
    ) ?? null
  );
}

/** The body of a rating: the yes/no answers only when given, the comment only when written. */
export function ratingBody(values: {
  rating: Rating;
  contacted?: boolean | null;
  addressed?: boolean | null;
  comment?: string | null;
}): RatingInput {
  const body: RatingInput = { rating: values.rating };
  if (typeof values.contacted === 'boolean') body.contacted = values.contacted;
  if (typeof values.addressed === 'boolean') body.addressed = values.addressed;
  const comment = values.comment?.trim();
  if (comment) body.comment = comment;
  return body;
}

/** The tag colour of a reply state. */
export function replyStateColor(state: string): string {
  switch (state) {
    case 'draft':
      return 'default';
    case 'pending_signoff':
      return 'orange';
    case 'office_review':
      return 'purple';
    case 'sent':
      return 'green';
    default:
      return 'default';
  }
}

/** The tag colour of a rating. */
export function ratingColor(rating: Rating): string {
  if (rating === 'satisfied') return 'green';
  if (rating === 'basically_satisfied') return 'blue';
  return 'red';
}

/** How each reply action's button looks and whether it asks for a reason or a class first. */
export const replyActionLooks: Record<ReplyAction, { primary: boolean; danger: boolean; dialog: 'none' | 'reason' | 'release' }> =
  {
    submit: { primary: true, danger: false, dialog: 'none' },
    send: { primary: true, danger: false, dialog: 'none' },
    sign_off: { primary: true, danger: false, dialog: 'none' },
    sign_off_and_send: { primary: true, danger: false, dialog: 'none' },
    return: { primary: false, danger: true, dialog: 'reason' },
    release: { primary: true, danger: false, dialog: 'release' },
  };

/** The fallback label of an action the server named without one. */
export const replyActionNames: Record<ReplyAction, string> = {
  submit: '送领导签发',
  send: '发送答复',
  sign_off: '签发',
  sign_off_and_send: '签发并答复',
  return: '退回修改',
  release: '审核通过并答复',
};

/** The confirmation question of an action without a dialog. */
export const replyActionQuestions: Partial<Record<ReplyAction, string>> = {
  submit: '确认送分管领导签发？送签后不能再修改，除非被退回。',
  send: '确认发送答复？答复发出后不能撤回，建议人将收到通知并评价。',
  sign_off: '确认签发？答复将送提案委审核。',
  sign_off_and_send: '确认签发并答复提案人？答复发出后不能撤回。',
};

/** The success message after an action. */
export const replyActionDone: Record<ReplyAction, string> = {
  submit: '已送分管领导签发',
  send: '已发送答复',
  sign_off: '已签发，等待提案委审核',
  sign_off_and_send: '已签发并答复提案人',
  return: '已退回修改',
  release: '已审核通过并答复提案人',
};

/** Who a kind's replies answer: 提案人 for a proposal, 建议人 for the members who raised a micro-suggestion. */
export function ratersWord(kind: string | undefined): string {
  return !kind || kind === 'proposal' ? '提案人' : '建议人';
}

/** The label of a round: 首次办理, 二次办理, then "第 n 次办理". */
export function roundText(round: number): string {
  return round <= 1 ? '首次办理' : round === 2 ? '二次办理' : `第 ${round} 次办理`;
}
