import { z } from 'zod';
import { dateSchema, idSchema, text, workflowItemFields } from './common.ts';

/** A key proposal's way: recommended → shortlisted → approved, or declined. */
export const keyProposalStates = ['recommended', 'shortlisted', 'approved', 'declined'] as const;
export type KeyProposalState = (typeof keyProposalStates)[number];
export const keyProposalActions = ['shortlist', 'approve', 'decline'] as const;
export type KeyProposalAction = (typeof keyProposalActions)[number];

/** Who recommended it: proposal office staff, a party (党派) or a special committee (专委会). */
export const recommenderKinds = ['staff', 'party', 'committee'] as const;
export const recommenderKindNames: Record<(typeof recommenderKinds)[number], string> = {
  staff: '提案委工作人员',
  party: '党派团体',
  committee: '专门委员会',
};

/** Body of a recommendation (推荐重点提案). */
export const keyProposalRecommendSchema = z.object({
  proposalId: idSchema,
  recommenderKind: z.enum(recommenderKinds, { error: '推荐方应为 staff、party 或 committee' }),
  /** The party or committee by name (staff: defaults to the user). */
  recommenderName: z.string().trim().max(100).optional(),
  reason: text(2000),
});

/** Body of approval: the supervising leaders (督办领导 or 党政领导 accounts). */
export const keyProposalApproveSchema = z.object({
  supervisorIds: z.array(idSchema).min(1, { error: '请至少指定一位督办领导' }).max(10),
});
export const keyProposalDeclineSchema = z.object({ reason: text(2000) });

/** Kinds of supervision activity (督办活动). */
export const activityKinds = ['visit', 'meeting', 'inspection', 'other'] as const;
export const activityKindNames: Record<(typeof activityKinds)[number], string> = {
  visit: '实地走访',
  meeting: '督办座谈会',
  inspection: '现场视察',
  other: '其他',
};

/** Body of a supervision activity. */
export const supervisionActivitySchema = z.object({
  kind: z.enum(activityKinds, { error: '活动方式应为 visit、meeting、inspection 或 other' }),
  happenedOn: dateSchema,
  notes: text(4000),
  /** Photo ids uploaded first (POST /key-proposals/{id}/photos). */
  photoIds: z.array(idSchema).max(20).default([]),
});

export const activitySchema = z.object({
  id: z.string(),
  kind: z.enum(activityKinds),
  kindName: z.string(),
  happenedOn: z.string(),
  notes: z.string(),
  photos: z.array(z.object({ id: z.string(), fileName: z.string() })),
  recordedByName: z.string(),
  createdAt: z.string(),
});

/** A key proposal with its supervisors and activity log. */
export const keyProposalSchema = z.object({
  id: z.string(),
  proposalId: z.string(),
  proposalNumber: z.string().nullable(),
  proposalTitle: z.string(),
  sessionId: z.string(),
  recommenderKind: z.enum(recommenderKinds),
  recommenderName: z.string(),
  reason: z.string(),
  declineReason: z.string().nullable(),
  supervisors: z.array(z.object({ userId: z.string(), name: z.string() })),
  activities: z.array(activitySchema),
  stateName: z.string(),
  ...workflowItemFields,
});
export type KeyProposal = z.infer<typeof keyProposalSchema>;
export const keyProposalListSchema = z.object({ items: z.array(keyProposalSchema) });

/** The accounts that may supervise a key proposal: active 督办领导 and 党政领导 of the committee, by name. */
export const supervisorCandidatesSchema = z.object({
  items: z.array(z.object({ userId: z.string(), name: z.string(), roles: z.array(z.string()) })),
});
export const keyProposalListQuerySchema = z.object({
  sessionId: idSchema.optional(),
  state: z.enum(keyProposalStates, { error: `状态应为 ${keyProposalStates.join('、')} 之一` }).optional(),
  proposalId: idSchema.optional(),
});

/** A leader's instruction (领导批示) on a proposal. */
export const instructionCreateSchema = z.object({
  leaderName: text(50),
  instructedOn: dateSchema,
  text: text(4000),
});
export const instructionSchema = z.object({
  id: z.string(),
  proposalId: z.string(),
  leaderName: z.string(),
  instructedOn: z.string(),
  text: z.string(),
  recordedByName: z.string(),
  createdAt: z.string(),
});
export const instructionListSchema = z.object({ items: z.array(instructionSchema) });
