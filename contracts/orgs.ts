import { z } from 'zod';
import { dateSchema, idSchema, text } from './common.ts';
import {
  microSuggestionSettingsSchema,
  proposalSettingsSchema,
  securitySettingsSchema,
  tenantSettingsSchema,
} from './settings.ts';

// ───────────────────────────── organizations (政协组织 / 租户) ─────────────────────────────

/** The levels of a committee, from the top down. */
export const organizationLevels = ['national', 'province', 'city', 'county'] as const;
export const organizationLevelSchema = z.enum(organizationLevels, {
  error: '级别应为 national（全国）、province（省级）、city（市级）或 county（县区级）',
});
export type OrganizationLevel = z.infer<typeof organizationLevelSchema>;
export const organizationLevelNames: Record<OrganizationLevel, string> = {
  national: '全国政协',
  province: '省级政协',
  city: '市级政协',
  county: '县（区）级政协',
};

/** A committee as lists show it (children of the current committee). */
export const organizationSummarySchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  level: organizationLevelSchema,
  timeZone: z.string(),
  createdAt: z.string(),
});
export type OrganizationSummary = z.infer<typeof organizationSummarySchema>;

/** The current committee with its effective settings (stored values over defaults) and its version. */
export const currentOrganizationSchema = organizationSummarySchema.extend({
  parentName: z.string().nullable(),
  settings: tenantSettingsSchema,
  version: z.number().int(),
});
export type CurrentOrganization = z.infer<typeof currentOrganizationSchema>;

/** A committee code: lower-case letters, digits and hyphens, as used in URLs and logins ("demo-city"). */
export const organizationCodeSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, { error: '代码应为 2–40 位小写字母、数字或连字符，且不以连字符开头' });

/** POST /orgs: create a committee under the current one; its level must be below the current committee's. */
export const organizationCreateSchema = z.strictObject({
  code: organizationCodeSchema,
  name: text(100),
  shortName: text(50).optional(),
  level: organizationLevelSchema,
});
export type OrganizationCreate = z.infer<typeof organizationCreateSchema>;

/** A field schema without its default, optional: a patch changes only what it names. */
function patchOf<Shape extends z.ZodRawShape>(schema: z.ZodObject<Shape>) {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const inner = field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType);
    shape[key] = inner.optional();
  }
  return z.strictObject(shape) as unknown as z.ZodObject<{
    [Key in keyof Shape]: z.ZodOptional<z.ZodType<z.output<Shape[Key]>>>;
  }>;
}

/** The security part of a settings change (security administrator only). */
export const securitySettingsPatchSchema = patchOf(securitySettingsSchema);
/** The proposal-work part of a settings change. */
export const proposalSettingsPatchSchema = patchOf(proposalSettingsSchema);

/**
 * PATCH /orgs/current/settings (If-Match: the organization's version): only the named keys change; the others
 * keep their stored value or default. The `security` part is the security administrator's; the rest the
 * system administrator's (三员分立).
 */
export const settingsPatchSchema = z.strictObject({
  security: securitySettingsPatchSchema.optional(),
  proposals: proposalSettingsPatchSchema.optional(),
  microSuggestionReplyWorkingDays: z.number().int().min(1).max(60).optional(),
  microSuggestions: patchOf(microSuggestionSettingsSchema).optional(),
  opinionReportMaxCharacters: z.number().int().min(200).max(20000).optional(),
});
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

// ───────────────────────────── terms (届) and sessions (次会议) ─────────────────────────────

/** A term (届), e.g. 十届 2022–2027. `isCurrent`: it holds the current session. */
export const termSchema = z.object({
  id: z.string(),
  number: z.number().int(),
  name: z.string(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  isCurrent: z.boolean(),
  version: z.number().int(),
});
export type Term = z.infer<typeof termSchema>;

const termFields = {
  number: z.number().int().min(1, { error: '届次应为正整数' }).max(99, { error: '届次不能超过 99' }),
  name: text(50),
  startsOn: dateSchema,
  endsOn: dateSchema.nullable(),
};

/** POST /terms. */
export const termCreateSchema = z
  .strictObject({ ...termFields, endsOn: termFields.endsOn.optional() })
  .refine((term) => !term.endsOn || term.endsOn >= term.startsOn, { error: '结束日期不能早于开始日期', path: ['endsOn'] });
export type TermCreate = z.infer<typeof termCreateSchema>;

/** PATCH /terms/{id} (If-Match). Omitted fields stay; endsOn null clears it. */
export const termUpdateSchema = z.strictObject({
  number: termFields.number.optional(),
  name: termFields.name.optional(),
  startsOn: termFields.startsOn.optional(),
  endsOn: termFields.endsOn.optional(),
});
export type TermUpdate = z.infer<typeof termUpdateSchema>;

/**
 * A session (次会议) of a term, e.g. 十届五次会议. Plenary proposals are accepted from `proposalWindowOpensOn` to
 * `plenaryEndsOn` (both included). One session of the committee is current: new items default to it.
 */
export const sessionSchema = z.object({
  id: z.string(),
  termId: z.string(),
  termName: z.string(),
  number: z.number().int(),
  name: z.string(),
  year: z.number().int(),
  plenaryStartsOn: z.string(),
  plenaryEndsOn: z.string(),
  proposalWindowOpensOn: z.string(),
  isCurrent: z.boolean(),
  archivedAt: z.string().nullable(),
  version: z.number().int(),
});
export type Session = z.infer<typeof sessionSchema>;

const sessionFields = {
  number: z.number().int().min(1, { error: '次数应为正整数' }).max(20, { error: '次数不能超过 20' }),
  name: text(50),
  year: z.number().int().min(1949, { error: '年份不能早于 1949' }).max(2200, { error: '年份不正确' }),
  plenaryStartsOn: dateSchema,
  plenaryEndsOn: dateSchema,
  proposalWindowOpensOn: dateSchema,
};

/** The order the dates of a session must keep; used by create and (after merging) update. */
export function sessionDateProblems(dates: {
  plenaryStartsOn: string;
  plenaryEndsOn: string;
  proposalWindowOpensOn: string;
}): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (dates.plenaryEndsOn < dates.plenaryStartsOn) {
    problems.push({ field: 'plenaryEndsOn', message: '大会闭幕日期不能早于开幕日期' });
  }
  if (dates.proposalWindowOpensOn > dates.plenaryEndsOn) {
    problems.push({ field: 'proposalWindowOpensOn', message: '大会提案征集开始日期不能晚于大会闭幕日期' });
  }
  return problems;
}

/** POST /sessions. */
export const sessionCreateSchema = z.strictObject({ termId: idSchema, ...sessionFields }).superRefine((session, context) => {
  for (const problem of sessionDateProblems(session))
    context.addIssue({ code: 'custom', message: problem.message, path: [problem.field] });
});
export type SessionCreate = z.infer<typeof sessionCreateSchema>;

/** PATCH /sessions/{id} (If-Match). Omitted fields stay; the merged dates must keep their order. */
export const sessionUpdateSchema = z.strictObject({
  number: sessionFields.number.optional(),
  name: sessionFields.name.optional(),
  year: sessionFields.year.optional(),
  plenaryStartsOn: sessionFields.plenaryStartsOn.optional(),
  plenaryEndsOn: sessionFields.plenaryEndsOn.optional(),
  proposalWindowOpensOn: sessionFields.proposalWindowOpensOn.optional(),
});
export type SessionUpdate = z.infer<typeof sessionUpdateSchema>;

/** GET /sessions?termId= */
export const sessionListQuerySchema = z.object({ termId: idSchema.optional() });

// ───────────────────────────── dictionaries (字典) ─────────────────────────────

/** The kinds of dictionary a committee keeps. */
export const dictionaryKinds = [
  'sector',
  'committee',
  'party',
  'group',
  'proposal_category',
  'rejection_reason',
  'result_class',
] as const;
export const dictionaryKindSchema = z.enum(dictionaryKinds, { error: `字典类别应为 ${dictionaryKinds.join('、')} 之一` });
export type DictionaryKind = z.infer<typeof dictionaryKindSchema>;
export const dictionaryKindNames: Record<DictionaryKind, string> = {
  sector: '界别',
  committee: '专委会',
  party: '党派',
  group: '委员小组',
  proposal_category: '提案类别',
  rejection_reason: '不予立案理由',
  result_class: '办理结果分类',
};

/** A dictionary entry. Entries are never deleted (records refer to them); a retired entry is inactive. */
export const dictionaryEntrySchema = z.object({
  id: z.string(),
  kind: dictionaryKindSchema,
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  sortOrder: z.number().int(),
  active: z.boolean(),
  version: z.number().int(),
});
export type DictionaryEntry = z.infer<typeof dictionaryEntrySchema>;

/** GET /dictionaries?kind=&includeInactive=true */
export const dictionaryListQuerySchema = z.object({
  kind: dictionaryKindSchema.optional(),
  includeInactive: z
    .enum(['true', 'false'], { error: '应为 true 或 false' })
    .default('false')
    .transform((value) => value === 'true'),
});

/** A dictionary code: letters, digits, '_' and '-' ("01", "A", "secret"). Fixed once created. */
export const dictionaryCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,32}$/, { error: '代码应为 1–32 位字母、数字、下划线或连字符' });

/** POST /dictionaries. Without a code, the next free two-digit number of the kind is used. */
export const dictionaryCreateSchema = z.strictObject({
  kind: dictionaryKindSchema,
  code: dictionaryCodeSchema.optional(),
  name: text(100),
  description: text(500).nullish(),
  sortOrder: z.number().int().min(0).max(100000).optional(),
});
export type DictionaryCreate = z.infer<typeof dictionaryCreateSchema>;

/** PATCH /dictionaries/{id} (If-Match). Kind and code are fixed; `active: false` retires the entry. */
export const dictionaryUpdateSchema = z.strictObject({
  name: text(100).optional(),
  description: text(500).nullish(),
  sortOrder: z.number().int().min(0).max(100000).optional(),
  active: z.boolean().optional(),
});
export type DictionaryUpdate = z.infer<typeof dictionaryUpdateSchema>;

// ───────────────────────────── working-day calendar (节假日) ─────────────────────────────

/** holiday: a weekday (or weekend) off; workday: a weekend day worked (调休上班). */
export const calendarDayKinds = ['holiday', 'workday'] as const;
export const calendarDayKindSchema = z.enum(calendarDayKinds, { error: '类型应为 holiday（放假）或 workday（调休上班）' });
export type CalendarDayKind = z.infer<typeof calendarDayKindSchema>;
export const calendarDayKindNames: Record<CalendarDayKind, string> = { holiday: '放假', workday: '调休上班' };

/** A day that differs from the Monday-to-Friday rule. */
export const calendarDaySchema = z.object({ day: z.string(), kind: calendarDayKindSchema, name: z.string() });
export type CalendarDay = z.infer<typeof calendarDaySchema>;

/** GET /calendar/days?year= */
export const calendarYearQuerySchema = z.object({
  year: z.coerce
    .number({ error: '年份应为数字' })
    .int()
    .min(1949, { error: '年份不能早于 1949' })
    .max(2200, { error: '年份不正确' }),
});
export const calendarDaysResponseSchema = z.object({ year: z.number().int(), items: z.array(calendarDaySchema) });

/** PUT /calendar/days/{date} */
export const calendarDayParamsSchema = z.object({ date: dateSchema });
export const calendarDayPutSchema = z.strictObject({
  kind: calendarDayKindSchema,
  name: z.string().trim().max(50, { error: '不能超过 50 个字符' }).default(''),
});

/** POST /calendar/import: a CSV file's text with the header `date,kind,name`. All rows pass, or nothing is written. */
export const calendarImportSchema = z.strictObject({
  csv: z.string().min(1, { error: '文件内容不能为空' }).max(200_000, { error: '文件过大（最多 200,000 个字符）' }),
});
export const calendarImportResultSchema = z.object({
  imported: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
});

/** GET /calendar/compute?from=2026-03-02&months=3 or &workingDays=5: the deadline helper. */
export const calendarComputeQuerySchema = z
  .object({
    from: dateSchema.refine((day) => day >= '1949-01-01' && day <= '2199-12-31', { error: '日期应在 1949 年至 2199 年之间' }),
    months: z.coerce.number({ error: '月数应为数字' }).int().min(0).max(120).optional(),
    workingDays: z.coerce.number({ error: '工作日数应为数字' }).int().min(0).max(1000).optional(),
  })
  .refine((query) => query.months !== undefined || query.workingDays !== undefined, {
    error: '请提供 months（月数）或 workingDays（工作日数）',
    path: ['months'],
  });

/** The due date and how it was reached. */
export const calendarComputeResultSchema = z.object({
  from: z.string(),
  months: z.number().int(),
  workingDays: z.number().int(),
  dueDate: z.string(),
  /** The plain result fell on a rest day and moved to the next working day. */
  movedFrom: z.string().nullable(),
});
export type CalendarComputeResult = z.infer<typeof calendarComputeResultSchema>;
