/** Chinese names of event types, for the audit log. Unknown types show their category and code. */
const typeNames: Record<string, string> = {
  'audit.chain_verified': '校验审计日志完整性',
  'audit.checkpoints_downloaded': '下载审计检查点',
  'audit.legacy_sealed': '封存升级前的审计记录',
  'auth.login_succeeded': '登录成功',
  'auth.login_failed': '登录失败',
  'auth.password_accepted': '密码验证通过（待动态验证码）',
  'auth.account_locked': '账户因多次失败被锁定',
  'auth.login_held': '登录失败过多，需等待后再试',
  'auth.address_blocked': '同一地址登录失败过多，暂停该地址登录',
  'auth.logged_out': '退出登录',
  'auth.password_changed': '修改密码',
  'auth.session_revoked': '注销登录会话',
  'auth.totp_setup_started': '开始设置动态验证码',
  'auth.totp_enabled': '启用动态验证码',
  'auth.totp_disabled': '停用动态验证码',
  'user.created': '新建账户',
  'user.updated': '修改账户',
  'user.disabled': '停用账户',
  'user.enabled': '启用账户',
  'user.unlocked': '解除账户锁定',
  'user.password_reset': '重置密码',
  'user.password_reset_requested': '申请重置管理员密码',
  'user.password_reset_rejected': '驳回密码重置申请',
  'user.password_reset_cancelled': '撤销密码重置申请',
  'member.created': '新增委员',
  'member.updated': '修改委员',
  'member.deactivated': '停用委员',
  'member.reactivated': '恢复委员',
  'member.imported': '导入委员',
  'member.exported': '导出委员名单',
  'import.queued': '大文件转入后台导入',
  'import.failed': '后台导入未完成',
  'member.sensitive_viewed': '查看委员敏感信息',
  'unit.created': '新增承办单位',
  'unit.updated': '修改承办单位',
  'unit.deactivated': '停用承办单位',
  'unit.reactivated': '启用承办单位',
  'unit.imported': '导入承办单位',
  'unit.exported': '导出承办单位',
  'organization.created': '创建政协组织',
  'people.demo_seeded': '写入演示数据',
  'organization.child_created': '创建下级政协',
  'organization.settings_updated': '修改系统设置',
  'term.created': '新增届次',
  'term.updated': '修改届次',
  'session.created': '新增会议',
  'session.updated': '修改会议',
  'session.set_current': '设置当前会议',
  'dictionary.created': '新增字典项',
  'dictionary.updated': '修改字典项',
  'dictionary.deactivated': '停用字典项',
  'dictionary.reactivated': '启用字典项',
  'calendar.day_set': '设置节假日',
  'calendar.day_removed': '取消节假日安排',
  'calendar.imported': '导入节假日安排',
  'proposal.exported': '导出提案列表',
  'proposal.attachment_downloaded': '下载提案附件',
  'proposal.document_downloaded': '下载提案正式文本',
  'proposal.assignment_notice_downloaded': '下载交办通知',
  'reply.attachment_downloaded': '下载答复附件',
  'reply.letter_downloaded': '下载答复函',
  'statistics.exported': '导出统计表',
  'statistics.report_downloaded': '下载统计附表',
  'archive.package_downloaded': '下载归档包',
};

/** Chinese names of the event categories (the part before the first dot). */
const categoryNames: Record<string, string> = {
  audit: '审计',
  auth: '登录认证',
  user: '账户',
  member: '委员',
  unit: '承办单位',
  organization: '政协组织',
  term: '届次',
  session: '会议',
  dictionary: '字典',
  calendar: '工作日历',
  proposal: '提案',
  people: '人员',
  reply: '答复',
  statistics: '统计',
  archive: '归档',
};

/** The Chinese name of an event type ("user.created" → 新建账户; unknown → 账户 · user.other). */
export function eventTypeName(type: string): string {
  const known = typeNames[type];
  if (known) return known;
  const category = categoryNames[type.split('.')[0]];
  return category ? `${category} · ${type}` : type;
}

/** The category name of an event type, or null when unknown. */
export function eventCategoryName(type: string): string | null {
  return categoryNames[type.split('.')[0]] ?? null;
}

/**
 * The type filter's options: every category seen (as a prefix "user." matching all its events), then each
 * type, with Chinese labels.
 */
export function eventTypeOptions(types: readonly string[]): { value: string; label: string }[] {
  const categories = [...new Set(types.map((type) => type.split('.')[0]))].sort();
  return [
    ...categories.map((category) => ({
      value: `${category}.`,
      label: `${categoryNames[category] ?? category}（${category}.*）`,
    })),
    ...[...types].sort().map((type) => ({ value: type, label: `${eventTypeName(type)}（${type}）` })),
  ];
}

/** Pretty JSON of a before/after value, or null when there is none. */
export function prettyJson(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return JSON.stringify(value, null, 2);
}
