import type { DictionaryKind } from '../../../contracts/orgs.ts';

/** A dictionary entry a new committee starts with. */
export type DefaultDictionaryEntry = {
  kind: DictionaryKind;
  code: string;
  name: string;
  description: string | null;
  sortOrder: number;
};

/** Entries named in order get two-digit codes 01, 02, …; `description` holds the full name where useful. */
function numbered(kind: DictionaryKind, entries: readonly (string | readonly [string, string])[]): DefaultDictionaryEntry[] {
  return entries.map((entry, index) => {
    const [name, description] = typeof entry === 'string' ? [entry, null] : entry;
    return { kind, code: String(index + 1).padStart(2, '0'), name, description, sortOrder: (index + 1) * 10 };
  });
}

/** Entries with fixed codes, for kinds other modules look up by code. */
function coded(kind: DictionaryKind, entries: readonly (readonly [string, string, string?])[]): DefaultDictionaryEntry[] {
  return entries.map(([code, name, description], index) => ({
    kind,
    code,
    name,
    description: description ?? null,
    sortOrder: (index + 1) * 10,
  }));
}

/** The sectors (界别) of the CPPCC, as the national committee and most local ones use them. */
const sectors = numbered('sector', [
  '中国共产党',
  ['民革', '中国国民党革命委员会'],
  ['民盟', '中国民主同盟'],
  ['民建', '中国民主建国会'],
  ['民进', '中国民主促进会'],
  ['农工党', '中国农工民主党'],
  ['致公党', '中国致公党'],
  '九三学社',
  ['台盟', '台湾民主自治同盟'],
  '无党派人士',
  ['共青团', '中国共产主义青年团'],
  ['工会', '总工会'],
  ['妇联', '妇女联合会'],
  ['青联', '青年联合会'],
  ['工商联', '工商业联合会'],
  ['科协', '科学技术协会'],
  ['台联', '台湾同胞联谊会'],
  ['侨联', '归国华侨联合会'],
  '文化艺术界',
  '科学技术界',
  '社会科学界',
  '经济界',
  '农业界',
  '教育界',
  '体育界',
  '新闻出版界',
  '医药卫生界',
  '对外友好界',
  '社会福利和社会保障界',
  '少数民族界',
  '宗教界',
  '环境资源界',
  '特别邀请人士',
]);

/** The Communist Party, the eight democratic parties and non-party people. */
const parties = numbered('party', [
  '中国共产党',
  ['民革', '中国国民党革命委员会'],
  ['民盟', '中国民主同盟'],
  ['民建', '中国民主建国会'],
  ['民进', '中国民主促进会'],
  ['农工党', '中国农工民主党'],
  ['致公党', '中国致公党'],
  '九三学社',
  ['台盟', '台湾民主自治同盟'],
  '无党派人士',
]);

/** The usual special committees (专门委员会) of a local committee. */
const committees = numbered('committee', [
  '提案委员会',
  '经济委员会',
  '人口资源环境委员会',
  '教科卫体委员会',
  '社会和法制委员会',
  '民族宗教委员会',
  '港澳台侨委员会',
  '文化文史和学习委员会',
  '农业和农村委员会',
]);

/** Member groups (委员小组); committees rename and add them as they organise members. */
const groups = numbered('group', [
  '第一组',
  '第二组',
  '第三组',
  '第四组',
  '第五组',
  '第六组',
  '第七组',
  '第八组',
  '第九组',
  '第十组',
]);

/** Proposal categories (提案类别) for assignment and statistics. */
const proposalCategories = numbered('proposal_category', [
  '经济建设',
  '城乡建设',
  '生态环境',
  '教育',
  '科技',
  '文化旅游',
  '卫生健康',
  '社会保障',
  '交通运输',
  '农业农村',
  '政治法治',
  '其他',
]);

/** Codes of the national list of reasons a proposal is not filed (不予立案); the proposals module looks them up. */
export const rejectionReasonCodes = [
  'state_secret',
  'litigation',
  'personal_matter',
  'product_promotion',
  'named_accusation',
  'vague',
  'beyond_powers',
  'multiple_matters',
  'academic',
  'other',
] as const;

/** The national list of reasons a proposal is not filed. */
const rejectionReasons = coded('rejection_reason', [
  ['state_secret', '涉及国家秘密'],
  ['litigation', '涉及诉讼或已进入司法程序'],
  ['personal_matter', '属个人或家庭事务'],
  ['product_promotion', '宣传推介产品或单位'],
  ['named_accusation', '指名道姓检举揭发', '宜按信访或纪检渠道反映'],
  ['vague', '内容空泛无具体建议'],
  ['beyond_powers', '超出本级政协职权范围'],
  ['multiple_matters', '一案多事', '提案应一事一案'],
  ['academic', '属学术探讨'],
  ['other', '其他'],
]);

/** Codes of the result classes of a reply; class B schedules a follow-up report. */
export const resultClassCodes = ['A', 'B', 'C'] as const;

/** Result classes of a reply (答复函办理结果分类). */
const resultClasses = coded('result_class', [
  ['A', '已解决或采纳', '所提问题已经解决或建议已被采纳'],
  ['B', '正在解决或列入计划', '所提问题正在解决或已列入计划逐步解决，需报送后续办理情况'],
  ['C', '留作参考', '因条件限制或其他原因暂时不能解决，留作参考'],
]);

/** Every dictionary entry a new committee starts with. */
export function defaultDictionaryEntries(): DefaultDictionaryEntry[] {
  return [...sectors, ...parties, ...committees, ...groups, ...proposalCategories, ...rejectionReasons, ...resultClasses];
}
