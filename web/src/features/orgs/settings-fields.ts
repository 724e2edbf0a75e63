import { z } from 'zod';
import {
  proposalSettingsSchema,
  securitySettingsSchema,
  type TenantSettings,
  tenantSettingsSchema,
} from '../../../../contracts/settings.ts';

/** One number setting as the form shows it, with the bounds the contract allows. */
export type NumberSetting = { key: string; label: string; unit: string; min: number; max: number; help?: string };

/** The bounds of a number field of a settings schema (defaults unwrapped). */
export function numberBounds(field: z.ZodType): { min: number; max: number } {
  const inner = field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : field;
  if (!(inner instanceof z.ZodNumber)) throw new Error('not a number setting');
  return { min: inner.minValue ?? 0, max: inner.maxValue ?? Number.MAX_SAFE_INTEGER };
}

function numberSetting(shape: Record<string, z.ZodType>, key: string, label: string, unit: string, help?: string): NumberSetting {
  return { key, label, unit, help, ...numberBounds(shape[key]) };
}

const security = securitySettingsSchema.shape as unknown as Record<string, z.ZodType>;
const proposals = proposalSettingsSchema.shape as unknown as Record<string, z.ZodType>;
const tenant = tenantSettingsSchema.shape as unknown as Record<string, z.ZodType>;

/** The security settings (the security administrator's), besides the second-factor switch. */
export const securityNumberSettings: NumberSetting[] = [
  numberSetting(security, 'passwordMinLength', '密码最小长度', '位'),
  numberSetting(security, 'passwordMinClasses', '密码至少包含的字符类别', '类', '小写字母、大写字母、数字、符号四类中至少几类'),
  numberSetting(security, 'passwordHistoryCount', '新密码不得重复最近几次', '次', '不得与当前密码及最近这些次设置过的密码相同'),
  numberSetting(
    security,
    'lockoutThreshold',
    '同一地址连续登录失败次数上限',
    '次',
    '达到后该网络地址暂停登录此账户，其他地址不受影响',
  ),
  numberSetting(security, 'lockoutMinutes', '同一地址暂停登录时长', '分钟'),
  numberSetting(security, 'accountDelayAfterFailures', '账户登录失败多少次后须等待', '次', '来自所有地址的失败合计'),
  numberSetting(security, 'accountDelaySeconds', '首次等待时长', '秒', '此后每失败一次等待时间加倍'),
  numberSetting(security, 'accountMaxDelaySeconds', '最长等待时长', '秒'),
  numberSetting(security, 'accountFailureMemoryHours', '登录失败记录保留', '小时', '这段时间内无失败则清零'),
  numberSetting(security, 'trustedAddressDays', '常用登录地址有效期', '天', '近期登录成功过的地址无需等待；0 表示不启用'),
  numberSetting(security, 'idleTimeoutMinutes', '无操作自动退出', '分钟', '等保要求不超过 30 分钟'),
  numberSetting(security, 'absoluteTimeoutHours', '登录最长有效期', '小时'),
];

/** The proposal-work settings (the system administrator's). */
export const proposalNumberSettings: NumberSetting[] = [
  numberSetting(proposals, 'bodyMaxCharacters', '提案正文字数上限', '字'),
  numberSetting(proposals, 'attachmentMaxMegabytes', '附件大小上限', 'MB', '每个附件'),
  numberSetting(proposals, 'attachmentMaxCount', '附件数量上限', '个', '每件提案'),
  numberSetting(proposals, 'importMaxRows', '导入行数上限', '行', '每个委员或承办单位 Excel 文件'),
  numberSetting(proposals, 'historyImportMaxRows', '历史数据导入行数上限', '条', '每个历史数据文件'),
  numberSetting(proposals, 'replyDueMonths', '办理答复期限', '个月', '自交办之日起'),
  numberSetting(proposals, 'extensionMaxMonths', '延期后最长期限', '个月'),
  numberSetting(proposals, 'coHandlerDueMonths', '会办单位意见期限', '个月'),
  numberSetting(proposals, 'adjustmentWindowWorkingDays', '申请调整期限', '个工作日', '承办单位收到交办后可申请调整的时限'),
  numberSetting(proposals, 'rehandlingLimit', '不满意可重新办理次数', '次'),
  numberSetting(proposals, 'rehandlingDueMonths', '重新办理期限', '个月'),
  numberSetting(proposals, 'ratingWindowDays', '满意度评价期限', '天'),
  numberSetting(proposals, 'yellowAtPercent', '黄色预警阈值', '%', '办理时间用去该比例时显示黄色预警'),
];

/** The proposal-work switches (the system administrator's). */
export const proposalSwitchSettings: {
  key: 'requireContactBeforeReply' | 'officeReviewsReplies';
  label: string;
  help: string;
}[] = [
  {
    key: 'requireContactBeforeReply',
    label: '答复前须与提案人沟通',
    help: '承办单位须至少记录一次走访、座谈或电话沟通后才能送签答复',
  },
  {
    key: 'officeReviewsReplies',
    label: '答复须经提案委审核',
    help: '分管领导签发后，答复先送提案委审核（可调整答复类别），再送达提案人',
  },
];

/** The other business settings (the system administrator's). */
export const otherNumberSettings: NumberSetting[] = [
  numberSetting(tenant, 'microSuggestionReplyWorkingDays', '微建议答复期限', '个工作日'),
  numberSetting(tenant, 'opinionReportMaxCharacters', '社情民意信息字数上限', '字'),
];

/** The business form's values: proposal settings and the other business settings, flat. */
export type BusinessValues = Omit<TenantSettings['proposals'], 'resultClasses'> &
  Pick<TenantSettings, 'microSuggestionReplyWorkingDays' | 'opinionReportMaxCharacters'>;

/** The flat business values of the settings. */
export function businessValuesOf(settings: TenantSettings): BusinessValues {
  const { resultClasses: _scheme, ...proposals } = settings.proposals;
  return {
    ...proposals,
    microSuggestionReplyWorkingDays: settings.microSuggestionReplyWorkingDays,
    opinionReportMaxCharacters: settings.opinionReportMaxCharacters,
  };
}

/** The settings patch of the business form: only the keys that changed, in the contract's shape. */
export function businessPatch(settings: TenantSettings, values: BusinessValues) {
  const proposalsChanged: Record<string, number | boolean> = {};
  for (const key of [...proposalNumberSettings.map((field) => field.key), ...proposalSwitchSettings.map((item) => item.key)]) {
    const name = key as keyof BusinessValues & keyof TenantSettings['proposals'];
    const value = values[name];
    if ((typeof value === 'number' || typeof value === 'boolean') && value !== settings.proposals[name])
      proposalsChanged[name] = value;
  }
  const patch: {
    proposals?: Record<string, number | boolean>;
    microSuggestionReplyWorkingDays?: number;
    opinionReportMaxCharacters?: number;
  } = {};
  if (Object.keys(proposalsChanged).length > 0) patch.proposals = proposalsChanged;
  if (values.microSuggestionReplyWorkingDays !== settings.microSuggestionReplyWorkingDays) {
    patch.microSuggestionReplyWorkingDays = values.microSuggestionReplyWorkingDays;
  }
  if (values.opinionReportMaxCharacters !== settings.opinionReportMaxCharacters) {
    patch.opinionReportMaxCharacters = values.opinionReportMaxCharacters;
  }
  return patch;
}

/** The security patch: only the keys that changed. */
export function securityPatch(settings: TenantSettings, values: TenantSettings['security']) {
  const changed: Record<string, number | boolean> = {};
  for (const key of Object.keys(values) as (keyof TenantSettings['security'])[]) {
    if (values[key] !== settings.security[key]) changed[key] = values[key];
  }
  return Object.keys(changed).length > 0 ? { security: changed } : {};
}

/** The form field of a server error field ("security.lockoutMinutes", "proposals.replyDueMonths" → the last part). */
export function settingsFieldName(field: string): string {
  return (
    field
      .replace(/^body\./, '')
      .split('.')
      .at(-1) ?? field
  );
}

/** One row of the result class editor. */
export type ResultClassRow = { code: string; name: string; needsFollowUp: boolean };

/**
 * The result class scheme the editor would save, trimmed; and its problems (the server checks them again): at
 * least one class, at most ten, each with a code and a name, no code twice (A and a are the same).
 */
export function resultClassScheme(rows: readonly Partial<ResultClassRow>[]): { scheme: ResultClassRow[]; problems: string[] } {
  const scheme = rows.map((row) => ({
    code: (row.code ?? '').trim(),
    name: (row.name ?? '').trim(),
    needsFollowUp: Boolean(row.needsFollowUp),
  }));
  const problems: string[] = [];
  if (scheme.length === 0) problems.push('至少要有一个答复类别');
  if (scheme.length > 10) problems.push('答复类别最多 10 个');
  if (scheme.some((row) => !row.code || !row.name)) problems.push('每个类别都要填写代码和名称');
  const codes = scheme.map((row) => row.code.toUpperCase()).filter(Boolean);
  if (new Set(codes).size !== codes.length) problems.push('答复类别的代码不能重复');
  return { scheme, problems };
}

/** The settings patch of the scheme, or null when it is the one saved. */
export function resultClassesPatch(settings: TenantSettings, scheme: readonly ResultClassRow[]) {
  return JSON.stringify(scheme) === JSON.stringify(settings.proposals.resultClasses)
    ? null
    : { proposals: { resultClasses: [...scheme] } };
}
