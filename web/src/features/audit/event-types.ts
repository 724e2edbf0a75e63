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
  'proposal.created': '起草提案',
  'proposal.updated': '修改提案',
  'proposal.attachment_added': '上传提案附件',
  'proposal.attachment_removed': '删除提案附件',
  'proposal.co_signers_invited': '邀请联名',
  'proposal.co_signer_accepted': '同意联名',
  'proposal.co_signer_declined': '谢绝联名',
  'proposal.co_signer_cancelled': '取消联名邀请',
  'proposal.submitted': '提交提案',
  'proposal.withdrawn': '撤回提案',
  'proposal.supplement_added': '补充提案材料',
  'proposal.filed': '立案',
  'proposal.rejected': '不予立案',
  'proposal.returned': '退回修改',
  'proposal.merged': '并案（并入其他提案）',
  'proposal.merge_received': '接收并入的提案',
  'proposal.converted': '提案转为其他形式办理',
  'proposal.assigned': '交办提案',
  'proposal.replied': '提案已答复',
  'proposal.rehandling': '提案进入二次办理',
  'proposal.closed': '提案办结',
  'proposal.archived': '提案归档',
  'proposal.instruction_recorded': '记录领导批示',
  'proposal.marked_secret': '标记为涉密',
  'proposal.unmarked_secret': '取消涉密标记',
  'proposal_category.default_units_set': '设置类别默认承办单位',
  'assignment_batch.confirmed': '确认交办批次',
  'assignment.signed_for': '签收交办',
  'assignment.adjustment_requested': '申请调整承办单位',
  'assignment.adjustment_approved': '同意调整承办单位',
  'assignment.adjustment_refused': '驳回调整申请',
  'handling.contact_recorded': '记录与提案人沟通',
  'handling.co_opinion_sent': '发送协办意见',
  'handling.extension_requested': '申请延期',
  'handling.extension_approved': '同意延期',
  'handling.extension_refused': '驳回延期申请',
  'handling.reply_drafted': '起草答复',
  'handling.reply_edited': '修改答复',
  'handling.reply_attachment_added': '上传答复附件',
  'handling.reply_attachment_removed': '删除答复附件',
  'handling.reply_submitted': '答复送签',
  'handling.reply_returned': '退回答复',
  'handling.reply_signed_off': '签发答复',
  'handling.reply_sent': '发出答复',
  'handling.reply_rated': '评价答复',
  'supervision.reminder_sent': '发送督办提醒',
  'key_proposal.recommended': '推荐重点提案',
  'key_proposal.shortlisted': '列入重点提案候选',
  'key_proposal.approved': '确定为重点提案',
  'key_proposal.declined': '不列为重点提案',
  'key_proposal.activity_recorded': '记录督办活动',
  'key_proposal.photo_uploaded': '上传督办活动照片',
  'appraisal.created': '新建民主评议',
  'appraisal.open': '开始评议评分',
  'appraisal.closed': '结束评议评分',
  'appraisal.published': '公布评议结果',
  'appraisal.scored': '提交评议评分',
  'award.granted': '授予表彰',
  'publication.published': '决定公开',
  'publication.partly_published': '决定部分公开',
  'publication.not_published': '决定不公开',
  'routing.history_imported': '导入分办历史数据',
  'routing.trained': '训练智能分办模型',
  'session.archived': '会议归档',
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
  proposal_category: '提案类别',
  assignment_batch: '交办批次',
  assignment: '交办',
  handling: '办理',
  supervision: '督办',
  key_proposal: '重点提案',
  appraisal: '民主评议',
  award: '表彰',
  publication: '公开',
  routing: '智能分办',
  import: '导入',
};

/** The Chinese name of an event type ("user.created" → 新建账户; unknown → 账户 · user.other). */
export function eventTypeName(type: string): string {
  const known = typeNames[type];
  if (known) return known;
  const category = categoryNames[type.split('.')[0]];
  return category ? `${category} · ${type}` : type;
}

/** Whether an event type has its own Chinese name (not only the category's fallback). */
export function isNamedEventType(type: string): boolean {
  return Object.hasOwn(typeNames, type);
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
