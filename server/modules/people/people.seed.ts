import { and, eq } from 'drizzle-orm';
import type { Role } from '../../../contracts/roles.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { blindIndex } from '../../platform/crypto/hashing.ts';
import { newId } from '../../platform/db/columns.ts';
import type { Transaction } from '../../platform/db/database.ts';
import { recordEvent } from '../../platform/events/record-event.ts';
import type { AppDependencies } from '../../platform/module.ts';
import { dictionaryEntries } from '../orgs/orgs.tables.ts';
import { insertAccount } from './actions/create-user.ts';
import { members, units } from './people.tables.ts';

/** The password of every demo account; the start banner prints it. */
export const DEMO_PASSWORD = 'Demo@2026';

/** A demo account as the start banner lists it. */
export type DemoAccount = { username: string; description: string };

const surnames =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const givenNames = [
  '建国',
  '秀英',
  '志强',
  '丽华',
  '海涛',
  '晓燕',
  '国庆',
  '春梅',
  '振华',
  '雪梅',
  '立新',
  '红霞',
  '文博',
  '静怡',
  '宏伟',
  '淑芬',
  '德明',
  '玉兰',
  '俊杰',
  '慧敏',
  '永刚',
  '桂芳',
  '卫东',
  '晓红',
  '明辉',
  '凤英',
  '家豪',
  '美玲',
  '浩然',
  '婉清',
  '志远',
  '佳慧',
  '学军',
  '丽娟',
  '子轩',
  '雅琴',
  '光明',
  '素珍',
  '鹏飞',
  '欣怡',
  '长青',
  '秋菊',
  '晨阳',
  '若兰',
  '伟民',
  '翠萍',
  '思源',
  '梦琪',
  '永福',
  '海燕',
  '嘉伟',
  '淑华',
  '天翔',
  '惠兰',
  '振国',
  '诗涵',
  '少华',
  '月娥',
  '润泽',
];
const ethnicities = ['汉族', '汉族', '汉族', '汉族', '汉族', '回族', '汉族', '满族', '汉族', '蒙古族', '汉族', '壮族'];
const workplaces: [string, string][] = [
  ['示例市第一人民医院', '副院长'],
  ['示例大学', '教授'],
  ['示例市第一中学', '校长'],
  ['示例市律师协会', '副会长'],
  ['示例市农业科学研究院', '研究员'],
  ['示例新材料股份有限公司', '董事长'],
  ['示例市文化馆', '馆长'],
  ['示例日报社', '副总编辑'],
  ['示例市中医院', '主任医师'],
  ['示例职业技术学院', '副院长'],
  ['示例市工商业联合会', '副主席'],
  ['示例农商银行', '行长'],
  ['示例市妇幼保健院', '主任'],
  ['示例市社会科学院', '研究员'],
  ['示例物流集团有限公司', '总经理'],
  ['示例市实验小学', '教师'],
  ['示例市红十字会', '常务副会长'],
  ['示例电子科技有限公司', '首席工程师'],
  ['示例市图书馆', '副馆长'],
  ['示例建设集团', '总工程师'],
];

/** The handling units of 示例市 as [code, name, kind]. */
const demoUnits: [string, string, string][] = [
  ['FGW', '市发展和改革委员会', 'government'],
  ['JYJ', '市教育局', 'government'],
  ['GAJ', '市公安局', 'government'],
  ['MZJ', '市民政局', 'government'],
  ['CZJ', '市财政局', 'government'],
  ['RSJ', '市人力资源和社会保障局', 'government'],
  ['ZRZYJ', '市自然资源和规划局', 'government'],
  ['STHJJ', '市生态环境局', 'government'],
  ['ZJJ', '市住房和城乡建设局', 'government'],
  ['JTJ', '市交通运输局', 'government'],
  ['SHUIWU', '市水务局', 'government'],
  ['NYJ', '市农业农村局', 'government'],
  ['SHANGWU', '市商务局', 'government'],
  ['WGLJ', '市文化广电旅游局', 'government'],
  ['WJW', '市卫生健康委员会', 'government'],
  ['YJJ', '市应急管理局', 'government'],
  ['SCJGJ', '市市场监督管理局', 'government'],
  ['YBJ', '市医疗保障局', 'government'],
  ['CGJ', '市城市管理局', 'government'],
  ['SJJ', '市数据局', 'government'],
  ['KJJ', '市科学技术局', 'government'],
  ['SFJ', '市司法局', 'government'],
  ['TYJ', '市退役军人事务局', 'government'],
  ['FY', '市中级人民法院', 'court'],
  ['JCY', '市人民检察院', 'procuratorate'],
  ['ZGH', '市总工会', 'people_organization'],
  ['GDGS', '国网示例市供电公司', 'enterprise'],
];
const contactSurnames = '张王李赵刘陈杨黄周吴';

/**
 * A valid 18-digit ID number in the region code 990000, which no real region uses, so demo data never
 * matches a real person.
 */
export function demoIdNumber(birthYear: number, index: number): string {
  const body = `990000${birthYear}${String((index % 12) + 1).padStart(2, '0')}${String((index % 28) + 1).padStart(2, '0')}${String(100 + index).slice(-3)}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((total, weight, position) => total + weight * Number(body[position]), 0);
  return `${body}${'10X98765432'[sum % 11]}`;
}

/** Ids of a committee's active dictionary entries of one kind, by name, in display order. */
async function entriesOf(tx: Transaction, orgId: string, kind: string): Promise<{ id: string; name: string }[]> {
  return tx
    .select({ id: dictionaryEntries.id, name: dictionaryEntries.name })
    .from(dictionaryEntries)
    .where(and(eq(dictionaryEntries.orgId, orgId), eq(dictionaryEntries.kind, kind), eq(dictionaryEntries.active, true)))
    .orderBy(dictionaryEntries.sortOrder, dictionaryEntries.code);
}

/**
 * Seeds the people of the demo committee in the caller's transaction: 60 members across sectors and parties,
 * 27 handling units of 示例市, and one demo account per role (password Demo@2026, no forced change).
 */
export async function seedDemoPeople(tx: Transaction, deps: AppDependencies, orgId: string): Promise<DemoAccount[]> {
  const [sectors, parties, committees, groups] = [
    await entriesOf(tx, orgId, 'sector'),
    await entriesOf(tx, orgId, 'party'),
    await entriesOf(tx, orgId, 'committee'),
    await entriesOf(tx, orgId, 'group'),
  ];
  const partyByName = new Map(parties.map((party) => [party.name, party.id]));
  const now = deps.now().toISOString();
  const secret = deps.config.sessionSecret;

  const memberRows = Array.from({ length: 60 }, (_, index) => {
    const sector = sectors[index % Math.max(sectors.length, 1)];
    // Members of a party's sector belong to that party; others are mostly CPC members or non-party people.
    const partyId =
      (sector && partyByName.get(sector.name)) ??
      (index % 3 === 0 ? partyByName.get('无党派人士') : partyByName.get('中国共产党'));
    const birthYear = 1960 + ((index * 7) % 26);
    const idNumber = demoIdNumber(birthYear, index);
    const mobile = `1380000${String(1000 + index).slice(-4)}`;
    const [workplace, position] = workplaces[index % workplaces.length];
    return {
      id: newId(),
      orgId,
      name: `${surnames[(index * 13) % surnames.length]}${givenNames[index % givenNames.length]}`,
      gender: index % 5 === 1 || index % 5 === 3 ? 'female' : 'male',
      birthYear,
      ethnicity: ethnicities[index % ethnicities.length],
      sectorId: sector?.id ?? null,
      partyId: partyId ?? null,
      committeeId: committees[index % Math.max(committees.length, 1)]?.id ?? null,
      groupId: groups[index % Math.max(groups.length, 1)]?.id ?? null,
      workplace,
      position,
      isStandingCommittee: index % 5 === 0,
      idNumberEncrypted: deps.cipher.encrypt(idNumber),
      idNumberHash: blindIndex(secret, idNumber),
      mobileEncrypted: deps.cipher.encrypt(mobile),
      mobileHash: blindIndex(secret, mobile),
      createdAt: now,
      updatedAt: now,
    };
  });
  await tx.insert(members).values(memberRows);

  const unitRows = demoUnits.map(([code, name, kind], index) => ({
    id: newId(),
    orgId,
    code,
    name,
    kind,
    contactName: `${contactSurnames[index % contactSurnames.length]}${index % 2 === 0 ? '科长' : '主任'}`,
    contactMobileEncrypted: deps.cipher.encrypt(`1380000${String(2000 + index)}`),
    address: `示例市人民大道 ${100 + index * 2} 号`,
    sortOrder: (index + 1) * 10,
    createdAt: now,
    updatedAt: now,
  }));
  await tx.insert(units).values(unitRows);

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const accounts: {
    username: string;
    displayName: string;
    roles: Role[];
    memberId?: string;
    unitId?: string;
    description: string;
  }[] = [
    { username: 'admin', displayName: '系统管理员', roles: ['system_admin'], description: '系统管理员：账户、角色、字典' },
    {
      username: 'security',
      displayName: '安全管理员',
      roles: ['security_admin'],
      description: '安全管理员：解锁、重置密码、管理员角色',
    },
    { username: 'auditor', displayName: '安全审计员', roles: ['auditor'], description: '安全审计员：审计日志' },
    { username: 'office', displayName: '提案委工作人员', roles: ['proposal_office'], description: '提案委（提案办）' },
    ...memberRows.slice(0, 5).map((member, index) => ({
      username: `member${index + 1}`,
      displayName: member.name,
      roles: ['member'] as Role[],
      memberId: member.id,
      description: `委员 ${member.name}`,
    })),
    ...unitRows.slice(0, 3).map((unit, index) => ({
      username: `unit${index + 1}`,
      displayName: `${unit.name}经办人`,
      roles: ['unit_handler'] as Role[],
      unitId: unit.id,
      description: `承办单位经办人（${unit.name}）`,
    })),
    {
      username: 'unitleader1',
      displayName: `${unitRows[0].name}分管领导`,
      roles: ['unit_leader'],
      unitId: unitRows[0].id,
      description: `承办单位分管领导（${unitRows[0].name}）`,
    },
    { username: 'leader1', displayName: '市领导', roles: ['leader'], description: '党政领导' },
    { username: 'supervisor1', displayName: '督办领导', roles: ['supervisor'], description: '督办领导' },
    { username: 'info1', displayName: '信息室工作人员', roles: ['information_office'], description: '信息室（社情民意）' },
  ];
  for (const account of accounts) {
    await insertAccount(tx, deps, { ...account, orgId, passwordHash, mustChangePassword: false, demo: true });
  }
  await recordEvent(tx, deps.config.auditHash, {
    orgId,
    type: 'people.demo_seeded',
    summary: `写入示例数据：委员 ${memberRows.length} 名、承办单位 ${unitRows.length} 个、演示账户 ${accounts.length} 个`,
    subjectType: 'organization',
    subjectId: orgId,
    after: { members: memberRows.length, units: unitRows.length, accounts: accounts.map((account) => account.username) },
  });
  return accounts.map(({ username, description }) => ({ username, description }));
}
