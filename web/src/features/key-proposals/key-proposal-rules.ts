/**
 * The rules the key-proposal screens show (the server checks them again and has the last word): the state tabs and
 * colours, who may record a supervision activity, the trimmed request bodies, and the photo checks before upload.
 */
import type { KeyProposal, KeyProposalAction, KeyProposalState } from '../../../../contracts/key-proposals.ts';
import type { Role } from '../../../../contracts/roles.ts';

/** The tabs of the list: every state, and 全部 (''). */
export const keyProposalTabs: { key: KeyProposalState | ''; label: string }[] = [
  { key: 'recommended', label: '已推荐' },
  { key: 'shortlisted', label: '候选' },
  { key: 'approved', label: '重点提案' },
  { key: 'declined', label: '未列入' },
  { key: '', label: '全部' },
];

/** The tag colour of a state. */
export function keyProposalStateColor(state: string): string {
  if (state === 'approved') return 'green';
  if (state === 'shortlisted') return 'blue';
  if (state === 'declined') return 'default';
  return 'gold';
}

/** The names of the office's decisions, as the buttons and dialogs say them. */
export const keyProposalActionNames: Record<KeyProposalAction, string> = {
  shortlist: '列入候选',
  approve: '确定为重点提案',
  decline: '不列入',
};

/** The order the decision buttons show in. */
export const keyProposalActionOrder: readonly KeyProposalAction[] = ['shortlist', 'approve', 'decline'];

/** The decisions the server offers this user on the item, in button order. */
export function offeredActions(item: Pick<KeyProposal, 'actions'>): KeyProposalAction[] {
  return keyProposalActionOrder.filter((action) => item.actions.some((offered) => offered.action === action));
}

/** Proposal states that may be recommended as key proposals: filed and being handled, not archived. */
export const nominatableProposalStates: readonly string[] = ['filed', 'assigned', 'replied', 'rehandling', 'closed'];

/** Proposal states on which a leader's instruction may be recorded (the same: filed, not archived). */
export const instructableProposalStates = nominatableProposalStates;

/** The user as these rules need them. */
export type Viewer = { id: string; roles: readonly Role[] };

/** Whether the user may record a supervision activity (and upload photos): approved, and the office or one of its supervisors. */
export function canRecordActivity(viewer: Viewer | undefined, item: Pick<KeyProposal, 'state' | 'supervisors'>): boolean {
  if (!viewer || item.state !== 'approved') return false;
  return viewer.roles.includes('proposal_office') || item.supervisors.some((person) => person.userId === viewer.id);
}

/** Whether the user records recommendations and decides on them (the office). */
export function canManageKeyProposals(viewer: Viewer | undefined): boolean {
  return Boolean(viewer?.roles.includes('proposal_office'));
}

/** Whether the user may record a leader's instruction (the office and leaders). */
export function canRecordInstruction(viewer: Viewer | undefined): boolean {
  return Boolean(viewer && (viewer.roles.includes('proposal_office') || viewer.roles.includes('leader')));
}

/** Who recommended it, as the form asks. */
export type RecommendValues = {
  proposalId: string;
  recommenderKind: 'staff' | 'party' | 'committee';
  recommenderName?: string;
  reason: string;
};

/** Whether the form must name the recommender: a party or committee must be named; staff default to the user. */
export function recommenderNameRequired(kind: RecommendValues['recommenderKind'] | undefined): boolean {
  return kind === 'party' || kind === 'committee';
}

/** The body of POST /key-proposals: trimmed, the name left out when empty. */
export function recommendBody(values: RecommendValues): RecommendValues {
  const name = values.recommenderName?.trim();
  return {
    proposalId: values.proposalId,
    recommenderKind: values.recommenderKind,
    ...(name ? { recommenderName: name } : {}),
    reason: values.reason.trim(),
  };
}

/** The body of POST /key-proposals/{id}/activities. */
export function activityBody(values: { kind: string; happenedOn: string; notes: string }, photoIds: readonly string[]) {
  return { kind: values.kind, happenedOn: values.happenedOn, notes: values.notes.trim(), photoIds: [...new Set(photoIds)] };
}

/** The most photos one activity shows (the server's limit). */
export const MAX_ACTIVITY_PHOTOS = 20;
/** The largest photo the server takes. */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

/** Why a file cannot be a supervision photo, or null when it may be sent (the server checks the bytes). */
export function photoProblem(file: { name: string; size: number }, alreadyAttached: number): string | null {
  if (alreadyAttached >= MAX_ACTIVITY_PHOTOS) return `一次活动最多 ${MAX_ACTIVITY_PHOTOS} 张照片`;
  if (!/\.(jpe?g|png)$/i.test(file.name)) return '督办照片只支持 JPG、PNG 格式';
  if (file.size === 0) return '上传的文件是空的，请重新选择文件';
  if (file.size > MAX_PHOTO_BYTES) return '督办照片不能超过 10 MB';
  return null;
}

/** The address of a stored supervision photo (the session cookie authorises it). */
export function photoUrl(photoId: string): string {
  return `/api/v1/supervision-photos/${photoId}/content`;
}

/** A person who may supervise: an account id and a name. */
export type SupervisorOption = { userId: string; name: string };

/** The supervisors to choose from: the listed accounts first, then those already named on key proposals, no repeats. */
export function supervisorOptions(
  listed: readonly SupervisorOption[],
  items: readonly Pick<KeyProposal, 'supervisors'>[],
): SupervisorOption[] {
  const seen = new Map<string, SupervisorOption>();
  for (const person of [...listed, ...items.flatMap((item) => item.supervisors)]) {
    if (!seen.has(person.userId)) seen.set(person.userId, { userId: person.userId, name: person.name || person.userId });
  }
  return [...seen.values()];
}

/** The label of a proposal: its number (when filed) and title. */
export function proposalLabel(item: {
  proposalNumber?: string | null;
  number?: string | null;
  title?: string;
  proposalTitle?: string;
}) {
  const number = item.proposalNumber ?? item.number ?? null;
  const title = item.proposalTitle ?? item.title ?? '';
  return number ? `${number} ${title}` : title;
}

/** The counts of the items per state, for the tab badges. */
export function countByState(items: readonly Pick<KeyProposal, 'state'>[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[item.state] = (counts[item.state] ?? 0) + 1;
  return counts;
}
