import { z } from 'zod';
import { availableActionSchema, idSchema, pageOf, pageQuerySchema, text } from './common.ts';
import { roleSchema } from './roles.ts';

// ───────────────────────────── shared field rules ─────────────────────────────

/** Weights of the first 17 digits of a Chinese resident ID number (GB 11643-1999). */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** Check character by the weighted sum modulo 11. */
const ID_CHECK = '10X98765432';

/** True when the text is an 18-character resident ID number with a valid birth date and check character. */
export function isValidIdNumber(value: string): boolean {
  const id = value.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || birth.getUTCMonth() !== month - 1 || birth.getUTCDate() !== day) return false;
  const sum = ID_WEIGHTS.reduce((total, weight, index) => total + weight * Number(id[index]), 0);
  return ID_CHECK[sum % 11] === id[17];
}

/** True when the text is a mainland mobile number (11 digits, 1[3-9]…). */
export function isValidMobile(value: string): boolean {
  return /^1[3-9]\d{9}$/.test(value.trim());
}

/** A resident ID number; upper-cases the final X. */
export const idNumberSchema = z
  .string()
  .trim()
  .transform((value) => value.toUpperCase())
  .refine(isValidIdNumber, { error: '身份证号不正确（应为 18 位，且出生日期和校验位有效）' });

/** A mainland mobile number. */
export const mobileSchema = z.string().trim().refine(isValidMobile, { error: '手机号不正确（应为 11 位，以 13–19 开头）' });

/** True when the text is a mobile number or a landline with area code (0571-87654321, optional extension). */
export function isValidPhone(value: string): boolean {
  return isValidMobile(value) || /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/.test(value.trim());
}

/** A contact phone: a mobile or a landline with area code. */
export const phoneSchema = z
  .string()
  .trim()
  .refine(isValidPhone, { error: '联系电话不正确（手机号 11 位，或带区号的座机如 0571-87654321）' });

/** Optional text that may be cleared with null or ''. */
function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max, { error: `不能超过 ${max} 个字符` })
    .nullish()
    .transform((value) => (value ? value : null));
}

/** An optional id that may be cleared with null. */
const optionalId = idSchema.nullish().transform((value) => value ?? null);

/** A boolean query flag written as true/false. */
const queryFlag = z.enum(['true', 'false'], { error: '应为 true 或 false' }).transform((value) => value === 'true');

// ───────────────────────────── members (委员) ─────────────────────────────

export const memberStates = ['active', 'inactive'] as const;
export const memberStateSchema = z.enum(memberStates);
export type MemberState = z.infer<typeof memberStateSchema>;
export const memberStateNames: Record<MemberState, string> = { active: '在任', inactive: '已停用' };

export const genders = ['male', 'female'] as const;
export const genderSchema = z.enum(genders, { error: '性别应为 male（男）或 female（女）' });
export type Gender = z.infer<typeof genderSchema>;
export const genderNames: Record<Gender, string> = { male: '男', female: '女' };

/** A reference to a dictionary entry with its name, as lists show it. */
export const namedRefSchema = z.object({ id: z.string(), name: z.string() }).nullable();

/**
 * A member as staff see it: sensitive fields masked. Party, ethnicity, birth year and the masked ID number and
 * mobile are for the proposal office and the system administrator only: for other readers they are null and
 * `fieldsHidden` is true (members see names, sectors and groups).
 */
export const memberSchema = z.object({
  id: z.string(),
  name: z.string(),
  gender: genderSchema.nullable(),
  birthYear: z.number().int().nullable(),
  ethnicity: z.string().nullable(),
  sector: namedRefSchema,
  party: namedRefSchema,
  committee: namedRefSchema,
  group: namedRefSchema,
  workplace: z.string().nullable(),
  position: z.string().nullable(),
  isStandingCommittee: z.boolean(),
  /** 110101********1234 */
  idNumberMasked: z.string().nullable(),
  /** 138****5678 */
  mobileMasked: z.string().nullable(),
  /** True when this reader does not see party, ethnicity, birth year, ID number and mobile. */
  fieldsHidden: z.boolean(),
  state: memberStateSchema,
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Member = z.infer<typeof memberSchema>;
export const memberPageSchema = pageOf(memberSchema);
export type MemberPage = z.infer<typeof memberPageSchema>;

/** Filters of the member list and the member export. `q` matches the name (ID numbers and mobiles: POST /members/lookup). */
export const memberFilterSchema = z.object({
  q: z.string().trim().max(50).optional(),
  sectorId: idSchema.optional(),
  partyId: idSchema.optional(),
  committeeId: idSchema.optional(),
  groupId: idSchema.optional(),
  standingCommittee: queryFlag.optional(),
  state: memberStateSchema.optional(),
});
export type MemberFilter = z.infer<typeof memberFilterSchema>;
export const memberListQuerySchema = pageQuerySchema.extend(memberFilterSchema.shape);
export type MemberListQuery = z.input<typeof memberListQuerySchema>;

/** Create a member. sectorId etc. are dictionary entries of the committee (orgs module). */
export const memberCreateSchema = z.object({
  name: text(50),
  gender: genderSchema.nullish().transform((value) => value ?? null),
  birthYear: z
    .number({ error: '出生年份应为数字' })
    .int()
    .min(1900, { error: '出生年份不能早于 1900' })
    .max(2100, { error: '出生年份不正确' })
    .nullish()
    .transform((value) => value ?? null),
  ethnicity: optionalText(20),
  sectorId: optionalId,
  partyId: optionalId,
  committeeId: optionalId,
  groupId: optionalId,
  workplace: optionalText(200),
  position: optionalText(100),
  isStandingCommittee: z.boolean().default(false),
  idNumber: idNumberSchema.nullish().transform((value) => value ?? null),
  mobile: mobileSchema.nullish().transform((value) => value ?? null),
});
export type MemberCreateInput = z.input<typeof memberCreateSchema>;

/**
 * Update a member (send `If-Match: "<version>"`). Omitted fields stay; null clears. idNumber / mobile: omit to
 * keep the stored value, null to clear, a new value to replace.
 */
export const memberUpdateSchema = z.object({
  name: text(50).optional(),
  gender: genderSchema.nullable().optional(),
  birthYear: z.number({ error: '出生年份应为数字' }).int().min(1900).max(2100).nullable().optional(),
  ethnicity: z.string().trim().max(20).nullable().optional(),
  sectorId: idSchema.nullable().optional(),
  partyId: idSchema.nullable().optional(),
  committeeId: idSchema.nullable().optional(),
  groupId: idSchema.nullable().optional(),
  workplace: z.string().trim().max(200).nullable().optional(),
  position: z.string().trim().max(100).nullable().optional(),
  isStandingCommittee: z.boolean().optional(),
  idNumber: idNumberSchema.nullable().optional(),
  mobile: mobileSchema.nullable().optional(),
});
export type MemberUpdateInput = z.input<typeof memberUpdateSchema>;

/**
 * POST /members/lookup: find members by an exact ID number or mobile (in the body, so the values never appear
 * in URLs or access logs). System administrators and the proposal office.
 */
export const memberLookupSchema = z
  .object({ idNumber: idNumberSchema.optional(), mobile: mobileSchema.optional() })
  .refine((value) => Boolean(value.idNumber || value.mobile), { error: '请提供身份证号或手机号' });
export type MemberLookupInput = z.input<typeof memberLookupSchema>;
export const memberListSchema = z.object({ items: z.array(memberSchema) });

/** GET /members/{id}/sensitive: the clear values (system_admin and proposal_office; each view is recorded). */
export const memberSensitiveSchema = z.object({ id: z.string(), idNumber: z.string().nullable(), mobile: z.string().nullable() });
export type MemberSensitive = z.infer<typeof memberSensitiveSchema>;

// ───────────────────────────── handling units (承办单位) ─────────────────────────────

export const unitKinds = ['government', 'court', 'procuratorate', 'party', 'people_organization', 'enterprise', 'other'] as const;
export const unitKindSchema = z.enum(unitKinds, { error: '单位类型不正确' });
export type UnitKind = z.infer<typeof unitKindSchema>;
export const unitKindNames: Record<UnitKind, string> = {
  government: '政府部门',
  court: '法院',
  procuratorate: '检察院',
  party: '党委部门',
  people_organization: '人民团体',
  enterprise: '企事业单位',
  other: '其他',
};

export const unitSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  parent: namedRefSchema,
  kind: unitKindSchema,
  contactName: z.string().nullable(),
  contactPhoneMasked: z.string().nullable(),
  address: z.string().nullable(),
  sortOrder: z.number().int(),
  active: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Unit = z.infer<typeof unitSchema>;
export const unitPageSchema = pageOf(unitSchema);
export type UnitPage = z.infer<typeof unitPageSchema>;

/** Filters of the unit list and export. `parentId=root` lists top-level units only. */
export const unitFilterSchema = z.object({
  q: z.string().trim().max(50).optional(),
  parentId: z.union([idSchema, z.literal('root')]).optional(),
  kind: unitKindSchema.optional(),
  active: queryFlag.optional(),
});
export type UnitFilter = z.infer<typeof unitFilterSchema>;
export const unitListQuerySchema = pageQuerySchema.extend(unitFilterSchema.shape);
export type UnitListQuery = z.input<typeof unitListQuerySchema>;

const unitCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,32}$/, { error: '单位编码只能包含字母、数字、下划线和连字符，最长 32 位' });

export const unitCreateSchema = z.object({
  code: unitCodeSchema,
  name: text(100),
  shortName: optionalText(50),
  parentId: optionalId,
  kind: unitKindSchema.default('government'),
  contactName: optionalText(50),
  contactPhone: phoneSchema.nullish().transform((value) => value ?? null),
  address: optionalText(200),
  sortOrder: z.number().int().min(0).max(100000).default(0),
});
export type UnitCreateInput = z.input<typeof unitCreateSchema>;

/** Update a unit (If-Match). A unit's own handlers and leaders may change only contactName, contactPhone, address. */
export const unitUpdateSchema = z.object({
  code: unitCodeSchema.optional(),
  name: text(100).optional(),
  shortName: z.string().trim().max(50).nullable().optional(),
  parentId: idSchema.nullable().optional(),
  kind: unitKindSchema.optional(),
  contactName: z.string().trim().max(50).nullable().optional(),
  contactPhone: phoneSchema.nullable().optional(),
  address: z.string().trim().max(200).nullable().optional(),
  sortOrder: z.number().int().min(0).max(100000).optional(),
});
export type UnitUpdateInput = z.input<typeof unitUpdateSchema>;

// ───────────────────────────── user accounts ─────────────────────────────

export const userStates = ['active', 'disabled'] as const;
export const userStateSchema = z.enum(userStates);
export type UserState = z.infer<typeof userStateSchema>;
export const userStateNames: Record<UserState, string> = { active: '正常', disabled: '已停用' };

/**
 * Actions of the account workflow: POST /users/{id}/actions/{action}. An administrator's password is not reset
 * directly: request_password_reset files a request that a second administrator approves (password-reset-requests).
 */
export const userActions = ['disable', 'enable', 'unlock', 'reset_password', 'request_password_reset'] as const;
export const userActionSchema = z.enum(userActions);
export type UserAction = z.infer<typeof userActionSchema>;

export const usernameSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.@-]{2,63}$/, { error: '用户名应为 3–64 位字母、数字或 _ . @ -，以字母或数字开头' });

/** An account as administrators see it; `actions` are the workflow actions the current user may take now. */
export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(roleSchema),
  state: userStateSchema,
  member: namedRefSchema,
  unit: namedRefSchema,
  /** The liaison station or member studio a station staff account keeps. */
  station: namedRefSchema,
  mobileMasked: z.string().nullable(),
  mustChangePassword: z.boolean(),
  /** Locked after too many failed logins, until lockedUntil. */
  locked: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  actions: z.array(availableActionSchema),
});
export type User = z.infer<typeof userSchema>;
export const userPageSchema = pageOf(userSchema);
export type UserPage = z.infer<typeof userPageSchema>;

/** Filters of the account list. `q` matches username or display name. */
export const userListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(50).optional(),
  role: roleSchema.optional(),
  state: userStateSchema.optional(),
});
export type UserListQuery = z.input<typeof userListQuerySchema>;

/**
 * Create an account. Without `password` a strong one is generated and returned once. The account must change
 * it at first login. The member role needs memberId; unit roles need unitId; the station staff role stationId.
 */
export const userCreateSchema = z.object({
  username: usernameSchema,
  displayName: text(50),
  roles: z.array(roleSchema).max(10).default([]),
  memberId: optionalId,
  unitId: optionalId,
  stationId: optionalId,
  mobile: mobileSchema.nullish().transform((value) => value ?? null),
  password: z.string().min(1).max(128).optional(),
});
export type UserCreateInput = z.input<typeof userCreateSchema>;

/** Update an account (If-Match). Omitted fields stay. */
export const userUpdateSchema = z.object({
  displayName: text(50).optional(),
  roles: z.array(roleSchema).max(10).optional(),
  memberId: idSchema.nullable().optional(),
  unitId: idSchema.nullable().optional(),
  stationId: idSchema.nullable().optional(),
  mobile: mobileSchema.nullable().optional(),
});
export type UserUpdateInput = z.input<typeof userUpdateSchema>;

/** Body of an action (deactivate, a workflow action…): an optional reason that goes to the audit log. */
export const reasonBodySchema = z
  .object({ reason: z.string().trim().max(500, { error: '原因不能超过 500 个字符' }).optional() })
  .nullish()
  .transform((body) => body ?? {});
export type ReasonBody = z.input<typeof reasonBodySchema>;

/** Body of an account workflow action. */
export const userActionBodySchema = reasonBodySchema;
export type UserActionBody = ReasonBody;

/** Result of creating an account or of an action: the account, and a one-time password when one was generated. */
export const userWithPasswordSchema = z.object({
  user: userSchema,
  /** Shown once; never stored in clear or logged. */
  oneTimePassword: z.string().nullable(),
});
export type UserWithPassword = z.infer<typeof userWithPasswordSchema>;

// ───────────────────────────── administrator password resets ─────────────────────────────

export const passwordResetStates = ['pending', 'approved', 'rejected', 'cancelled'] as const;
export const passwordResetStateSchema = z.enum(passwordResetStates);
export type PasswordResetState = z.infer<typeof passwordResetStateSchema>;
export const passwordResetStateNames: Record<PasswordResetState, string> = {
  pending: '待批准',
  approved: '已批准',
  rejected: '已驳回',
  cancelled: '已撤销',
};

/** Actions on a reset request: POST /password-reset-requests/{id}/actions/{action}. */
export const passwordResetActions = ['approve', 'reject', 'cancel'] as const;
export const passwordResetActionSchema = z.enum(passwordResetActions);
export type PasswordResetAction = z.infer<typeof passwordResetActionSchema>;

/**
 * A request to reset an administrator's password (system, security or audit administrator). Another administrator
 * — not the requester, not the account's owner — approves it; only then is the password reset.
 */
export const passwordResetRequestSchema = z.object({
  id: z.string(),
  user: z.object({ id: z.string(), username: z.string(), displayName: z.string() }),
  requestedBy: namedRefSchema,
  reason: z.string(),
  state: passwordResetStateSchema,
  /** A pending request past expiresAt can no longer be approved. */
  expired: z.boolean(),
  expiresAt: z.string(),
  decidedBy: namedRefSchema,
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  actions: z.array(availableActionSchema),
});
export type PasswordResetRequest = z.infer<typeof passwordResetRequestSchema>;
export const passwordResetRequestListSchema = z.object({ items: z.array(passwordResetRequestSchema) });
export type PasswordResetRequestList = z.infer<typeof passwordResetRequestListSchema>;

/** Filter of the request list: pending (default) or all recent ones. */
export const passwordResetListQuerySchema = z.object({
  state: z.union([passwordResetStateSchema, z.literal('all')]).default('pending'),
});

/** The result of deciding a request: the request, and the new one-time password once when it was approved. */
export const passwordResetDecisionSchema = z.object({
  request: passwordResetRequestSchema,
  /** Shown once to the approving administrator; never stored in clear or logged. */
  oneTimePassword: z.string().nullable(),
});
export type PasswordResetDecision = z.infer<typeof passwordResetDecisionSchema>;

// ───────────────────────────── Excel import / export ─────────────────────────────

/** Columns of the member import sheet, in order. 姓名 is required; the others may be blank. */
export const memberImportColumns = [
  '姓名',
  '性别',
  '出生年份',
  '民族',
  '界别',
  '党派',
  '专委会',
  '小组',
  '工作单位及职务',
  '是否常委',
  '身份证号',
  '手机号',
] as const;
/** Columns that must be present in a member import sheet's header row. */
export const memberImportRequiredColumns = ['姓名', '界别', '身份证号', '手机号'] as const;

/** Columns of the unit import sheet, in order. */
export const unitImportColumns = ['单位编码', '单位名称', '简称', '上级单位编码', '类型', '联系人', '联系电话', '地址'] as const;
export const unitImportRequiredColumns = ['单位编码', '单位名称'] as const;

/**
 * One problem in an uploaded sheet. A rejected import answers 400 problem+json whose `errors` are these
 * (row is the sheet's row number, 1 = header; column is the Chinese header; field is "第 5 行「界别」").
 */
export const importErrorSchema = z.object({
  row: z.number().int(),
  column: z.string(),
  field: z.string(),
  message: z.string(),
});
export type ImportError = z.infer<typeof importErrorSchema>;

/** A successful import: every row was written in one transaction. */
export const importResultSchema = z.object({ imported: z.number().int() });
export type ImportResult = z.infer<typeof importResultSchema>;

// ───────────────────────────── environment ─────────────────────────────

/** GET /environment (public): whether this is a demo installation (the web shows a 演示环境 banner). */
export const environmentSchema = z.object({ demo: z.boolean(), productName: z.string() });
export type Environment = z.infer<typeof environmentSchema>;

/** Routes of this module, for the web client. */
export const peopleRoutes = {
  members: '/api/v1/members',
  member: (id: string) => `/api/v1/members/${id}`,
  memberSensitive: (id: string) => `/api/v1/members/${id}/sensitive`,
  memberLookup: '/api/v1/members/lookup',
  memberDeactivate: (id: string) => `/api/v1/members/${id}/deactivate`,
  memberReactivate: (id: string) => `/api/v1/members/${id}/reactivate`,
  memberImport: '/api/v1/members/import',
  memberImportTemplate: '/api/v1/members/import-template.xlsx',
  memberExport: '/api/v1/members/export.xlsx',
  units: '/api/v1/units',
  unit: (id: string) => `/api/v1/units/${id}`,
  unitDeactivate: (id: string) => `/api/v1/units/${id}/deactivate`,
  unitReactivate: (id: string) => `/api/v1/units/${id}/reactivate`,
  unitImport: '/api/v1/units/import',
  unitImportTemplate: '/api/v1/units/import-template.xlsx',
  unitExport: '/api/v1/units/export.xlsx',
  users: '/api/v1/users',
  user: (id: string) => `/api/v1/users/${id}`,
  userAction: (id: string, action: UserAction) => `/api/v1/users/${id}/actions/${action}`,
  passwordResetRequests: '/api/v1/password-reset-requests',
  passwordResetAction: (id: string, action: PasswordResetAction) => `/api/v1/password-reset-requests/${id}/actions/${action}`,
  environment: '/api/v1/environment',
} as const;
