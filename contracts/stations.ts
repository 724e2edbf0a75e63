import { z } from 'zod';
import { dateSchema, idSchema, pageOf, pageQuerySchema, text, workflowItemFields } from './common.ts';
import { MICRO_SUGGESTION_PLACE_MAX, MICRO_SUGGESTION_TITLE_MAX } from './micro-suggestions.ts';
import { phoneSchema } from './people.ts';

// ───────────────────────────── stations and studios ─────────────────────────────

/** 委员联络站 (a liaison station) or 委员工作室 (a member studio). */
export const stationKinds = ['station', 'studio'] as const;
export type StationKind = (typeof stationKinds)[number];
export const stationKindNames: Record<StationKind, string> = { station: '委员联络站', studio: '委员工作室' };
const stationKindSchema = z.enum(stationKinds, { error: '类型应为 station（委员联络站）或 studio（委员工作室）' });

/** Optional text that may be cleared with null or ''. */
function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max, { error: `不能超过 ${max} 个字符` })
    .nullish()
    .transform((value) => (value ? value : null));
}

const memberIdsSchema = z
  .array(idSchema)
  .max(200, { error: '驻站委员不能超过 200 名' })
  .refine((ids) => new Set(ids).size === ids.length, { error: '委员不能重复' });

/** Body of a new station or studio (the office). */
export const stationCreateSchema = z.object({
  name: text(60),
  kind: stationKindSchema,
  address: text(200),
  openingHours: text(200),
  description: optionalText(1000),
  /** The attached members (驻站委员). */
  memberIds: memberIdsSchema.default([]),
  sortOrder: z.number().int().min(0).max(100_000).optional(),
});
export type StationCreateInput = z.input<typeof stationCreateSchema>;

/** Update a station (If-Match). Omitted fields stay; memberIds replaces the attached members. */
export const stationUpdateSchema = z.object({
  name: text(60).optional(),
  kind: stationKindSchema.optional(),
  address: text(200).optional(),
  openingHours: text(200).optional(),
  description: optionalText(1000).optional(),
  memberIds: memberIdsSchema.optional(),
  active: z.boolean({ error: 'active 应为 true 或 false' }).optional(),
  sortOrder: z.number().int().min(0).max(100_000).optional(),
});
export type StationUpdateInput = z.input<typeof stationUpdateSchema>;

/** A business date the records may hold: 2000-01-01 to 2100-12-31. */
const dayInRange = dateSchema.refine((value) => value >= '2000-01-01' && value <= '2100-12-31', {
  error: '日期应在 2000 年至 2100 年之间',
});

const namedSchema = z.object({ id: z.string(), name: z.string() });

/** A station as staff see it: its attached members and the staff accounts that keep it. */
export const stationSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(stationKinds),
  kindName: z.string(),
  address: z.string(),
  openingHours: z.string(),
  description: z.string().nullable(),
  active: z.boolean(),
  sortOrder: z.number().int(),
  members: z.array(namedSchema),
  /** Active accounts with the station staff role linked to this station (opened by the system administrator). */
  staff: z.array(namedSchema),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Station = z.infer<typeof stationSchema>;
export const stationListSchema = z.object({ items: z.array(stationSchema) });

const queryFlag = z.enum(['true', 'false'], { error: '应为 true 或 false' }).transform((value) => value === 'true');

/** Filters of the station list: kind, active, words in name or address. */
export const stationListQuerySchema = z.object({
  kind: stationKindSchema.optional(),
  active: queryFlag.optional(),
  q: z.string().trim().max(50).optional(),
});

// ───────────────────────────── visits (来访登记) ─────────────────────────────

/** A visit's way: open → closed on the spot, or converted into a micro-suggestion. */
export const visitStates = ['open', 'closed', 'converted'] as const;
export type VisitState = (typeof visitStates)[number];
export const visitStateNames: Record<VisitState, string> = { open: '待处理', closed: '当场办结', converted: '已转微建议' };
export const visitActions = ['close', 'convert'] as const;
export type VisitAction = (typeof visitActions)[number];

const presentMembersSchema = z
  .array(idSchema)
  .max(20, { error: '到场委员不能超过 20 名' })
  .refine((ids) => new Set(ids).size === ids.length, { error: '委员不能重复' });

/**
 * Record a visit. Station staff record at their own station (stationId may be left out); the office names the
 * station. The visitor's name and phone are stored encrypted and shown masked.
 */
export const visitCreateSchema = z.object({
  stationId: idSchema.optional(),
  visitDate: dayInRange,
  visitorName: text(50),
  visitorPhone: phoneSchema.nullish().transform((value) => value ?? null),
  visitorCount: z
    .number({ error: '来访人数应为数字' })
    .int({ error: '来访人数应为整数' })
    .min(1, { error: '来访人数至少为 1' })
    .max(500, { error: '来访人数不能超过 500' })
    .default(1),
  matter: text(2000),
  /** Members present (must be attached to the station); the first leads a micro-suggestion raised from the visit. */
  memberIds: presentMembersSchema.default([]),
});
export type VisitCreateInput = z.input<typeof visitCreateSchema>;

/** Correct an open visit (If-Match). Omitted fields stay. */
export const visitUpdateSchema = z.object({
  visitDate: dayInRange.optional(),
  visitorName: text(50).optional(),
  visitorPhone: phoneSchema.nullable().optional(),
  visitorCount: z.number().int().min(1, { error: '来访人数至少为 1' }).max(500, { error: '来访人数不能超过 500' }).optional(),
  matter: text(2000).optional(),
  memberIds: presentMembersSchema.optional(),
});
export type VisitUpdateInput = z.input<typeof visitUpdateSchema>;

/** Close the matter on the spot with what was done (当场办结); a visitor with a mobile gets it by SMS. */
export const visitCloseSchema = z.object({ outcome: text(2000) });
export type VisitCloseInput = z.input<typeof visitCloseSchema>;

/** Turn the matter into a micro-suggestion on behalf of the members present (转为微建议). */
export const visitConvertSchema = z.object({
  title: text(MICRO_SUGGESTION_TITLE_MAX),
  place: text(MICRO_SUGGESTION_PLACE_MAX),
  problem: text(2000),
  suggestion: text(2000),
});
export type VisitConvertInput = z.input<typeof visitConvertSchema>;

/** A visit as the office and the station's staff see it (visitor masked). */
export const visitSchema = z.object({
  id: z.string(),
  station: namedSchema,
  visitDate: z.string(),
  visitorNameMasked: z.string(),
  visitorPhoneMasked: z.string().nullable(),
  visitorCount: z.number().int(),
  matter: z.string(),
  members: z.array(namedSchema),
  outcome: z.string().nullable(),
  closedAt: z.string().nullable(),
  microSuggestionId: z.string().nullable(),
  convertedAt: z.string().nullable(),
  recordedByName: z.string(),
  stateName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  ...workflowItemFields,
});
export type Visit = z.infer<typeof visitSchema>;
export const visitPageSchema = pageOf(visitSchema);
export type VisitPage = z.infer<typeof visitPageSchema>;

/** Filters of the visit list, newest visit first. */
export const visitListQuerySchema = pageQuerySchema.extend({
  stationId: idSchema.optional(),
  state: z.enum(visitStates, { error: '状态应为 open、closed 或 converted' }).optional(),
  from: dayInRange.optional(),
  to: dayInRange.optional(),
});

/** The visitor's clear name and phone, shown once to staff who call back (the look is recorded). */
export const visitorContactSchema = z.object({
  id: z.string(),
  visitorName: z.string().nullable(),
  visitorPhone: z.string().nullable(),
});
export type VisitorContact = z.infer<typeof visitorContactSchema>;

// ───────────────────────────── duty days (接待日) ─────────────────────────────

/** Schedule a member's duty day at a station (the office, or the station's staff at their station). */
export const dutyDayCreateSchema = z.object({
  stationId: idSchema.optional(),
  memberId: idSchema,
  dutyDate: dayInRange,
  note: optionalText(200),
});
export type DutyDayCreateInput = z.input<typeof dutyDayCreateSchema>;

/** Move a duty day or change its note (If-Match). */
export const dutyDayUpdateSchema = z.object({
  dutyDate: dayInRange.optional(),
  memberId: idSchema.optional(),
  note: optionalText(200).optional(),
});
export type DutyDayUpdateInput = z.input<typeof dutyDayUpdateSchema>;

export const dutyDaySchema = z.object({
  id: z.string(),
  station: namedSchema,
  member: namedSchema,
  dutyDate: z.string(),
  note: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DutyDay = z.infer<typeof dutyDaySchema>;
export const dutyDayListSchema = z.object({ items: z.array(dutyDaySchema) });

/** Duty days between two dates (at most 400 days apart). A member sees only their own. */
export const dutyDayListQuerySchema = z
  .object({
    stationId: idSchema.optional(),
    memberId: idSchema.optional(),
    from: dayInRange,
    to: dayInRange,
  })
  .refine((value) => value.from <= value.to, { error: '开始日期不能晚于结束日期', path: ['to'] });

// ───────────────────────────── counts ─────────────────────────────

/** What each figure counts, shown beside the figures. */
export const stationCountDefinitions = {
  visitors: '接待人次：来访登记的来访人数之和',
  matters: '反映事项：来访登记的件数（每次来访登记一件事项）',
  closedOnSpot: '当场办结：当场答复、办结的事项',
  open: '待处理：尚未办结或转出的事项',
  raised: '转为微建议：以到场委员名义提出的微建议',
  resolved: '微建议已办结：转出的微建议中已办结的',
} as const;

export const stationCountRowSchema = z.object({
  stationId: z.string(),
  stationName: z.string(),
  kind: z.enum(stationKinds),
  visitors: z.number().int(),
  matters: z.number().int(),
  closedOnSpot: z.number().int(),
  open: z.number().int(),
  raised: z.number().int(),
  resolved: z.number().int(),
});
export type StationCountRow = z.infer<typeof stationCountRowSchema>;

export const stationCountsSchema = z.object({
  from: z.string().nullable(),
  to: z.string().nullable(),
  items: z.array(stationCountRowSchema),
  total: stationCountRowSchema.omit({ stationId: true, stationName: true, kind: true }),
  definitions: z.record(z.string(), z.string()),
});
export type StationCounts = z.infer<typeof stationCountsSchema>;

export const stationCountsQuerySchema = z
  .object({ from: dayInRange.optional(), to: dayInRange.optional(), stationId: idSchema.optional() })
  .refine((value) => !value.from || !value.to || value.from <= value.to, {
    error: '开始日期不能晚于结束日期',
    path: ['to'],
  });

// ───────────────────────────── portal ─────────────────────────────

/** A station on the public portal: no staff, no visits, no personal data beyond members' names. */
export const portalStationSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(stationKinds),
  kindName: z.string(),
  address: z.string(),
  openingHours: z.string(),
  description: z.string().nullable(),
  memberNames: z.array(z.string()),
  /** The next duty days (date and member's name), so the public knows when to come. */
  upcomingDutyDays: z.array(z.object({ date: z.string(), memberName: z.string() })),
});
export type PortalStation = z.infer<typeof portalStationSchema>;
export const portalStationListSchema = z.object({
  organization: z.object({ name: z.string() }),
  items: z.array(portalStationSchema),
});
export type PortalStationList = z.infer<typeof portalStationListSchema>;
