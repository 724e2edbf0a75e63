import { z } from 'zod';
import { idSchema, pageQuerySchema } from './common.ts';
import { handledKindSchema, handledKinds } from './handled-kinds.ts';

/** 红黄绿灯: green in time; yellow when the share of time used reaches the threshold (80%); red overdue; done replied. */
export const lights = ['red', 'yellow', 'green', 'done'] as const;
export type Light = (typeof lights)[number];
export const lightNames: Record<Light, string> = { red: '已逾期', yellow: '临期', green: '正常', done: '已答复' };

/** Query of the supervision board. */
export const boardQuerySchema = pageQuerySchema.extend({
  /** Proposals of this session; items of kinds without sessions (micro-suggestions) are not narrowed by it. */
  sessionId: idSchema.optional(),
  unitId: idSchema.optional(),
  light: z.enum(lights, { error: '灯色应为 red、yellow、green 或 done' }).optional(),
  /** Only one kind of item (提案 or 微建议); both by default. */
  kind: handledKindSchema.optional(),
});

/** One unit's part in an item (a proposal, a micro-suggestion) on the board, with its light. */
export const boardItemSchema = z.object({
  assignmentId: z.string(),
  /** The item under the proposal's names, kept for existing clients; `item…` and `kind` say what it is. */
  proposalId: z.string(),
  proposalNumber: z.string().nullable(),
  proposalTitle: z.string(),
  proposalState: z.string(),
  kind: z.enum(handledKinds),
  kindName: z.string(),
  itemId: z.string(),
  itemNumber: z.string().nullable(),
  itemTitle: z.string(),
  /** Where the web shows the item. */
  link: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  role: z.string(),
  roleName: z.string(),
  assignedOn: z.string(),
  dueOn: z.string(),
  repliedAt: z.string().nullable(),
  light: z.enum(lights),
  lightName: z.string(),
  /** Days to the due date (negative: days overdue). */
  daysLeft: z.number().int(),
  /** Share of the time used, 0–100+ (percent). */
  percentUsed: z.number().int(),
  lastReminderAt: z.string().nullable(),
  reminderCount: z.number().int(),
});
export type BoardItem = z.infer<typeof boardItemSchema>;

/** A page of the board and the counts by light under the same filters (numerators with their denominator). */
export const boardPageSchema = z.object({
  items: z.array(boardItemSchema),
  nextCursor: z.string().nullable(),
  counts: z.object({
    red: z.number().int(),
    yellow: z.number().int(),
    green: z.number().int(),
    done: z.number().int(),
    total: z.number().int(),
  }),
  today: z.string(),
});
export type BoardPage = z.infer<typeof boardPageSchema>;

/** Body of a reminder (催办) to a unit. */
export const reminderCreateSchema = z.object({
  message: z.string().trim().max(500, { error: '催办说明不能超过 500 个字符' }).optional(),
});

/** A reminder sent to a unit, by a person or by a scheduled rule. */
export const reminderSchema = z.object({
  id: z.string(),
  assignmentId: z.string(),
  unitName: z.string(),
  kind: z.enum(['manual', 'scheduled']),
  rule: z.string().nullable(),
  message: z.string(),
  sentByName: z.string().nullable(),
  sentAt: z.string(),
});
export type Reminder = z.infer<typeof reminderSchema>;
export const reminderListSchema = z.object({ items: z.array(reminderSchema) });
