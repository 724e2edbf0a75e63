import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { addDays, dayOfWeek } from '../../platform/calendar/business-date.ts';
import { recordEvent } from '../../platform/events/record-event.ts';
import type { AppDependencies } from '../../platform/module.ts';
import { insertAccount } from '../people/actions/create-user.ts';
import { userAuditView } from '../people/people.presenter.ts';
import { DEMO_PASSWORD, type DemoAccount } from '../people/people.seed.ts';
import { members, users } from '../people/people.tables.ts';
import { demoActors } from '../proposals/proposals.seed.ts';
import { closeVisit } from './actions/close-visit.ts';
import { convertVisit } from './actions/convert-visit.ts';
import { createStation } from './actions/create-station.ts';
import { recordVisit } from './actions/record-visit.ts';
import { scheduleDutyDay } from './actions/schedule-duty-day.ts';

const context = { ip: null, requestId: 'demo-seed' };

/** A visit of the demo week: days before today, visitor, matter, members present (indexes), and what became of it. */
type DemoVisit = {
  daysAgo: number;
  visitor: string;
  phone: string | null;
  count?: number;
  matter: string;
  present: number[];
  outcome?: string;
  convert?: { title: string; place: string; problem: string; suggestion: string };
};

const stationVisits: DemoVisit[] = [
  {
    daysAgo: 6,
    visitor: '赵晓燕',
    phone: '13800131001',
    matter: '幸福小区 3 号楼前的路灯坏了一个多月，晚上老人出行不安全。',
    present: [0],
    outcome: '当场联系街道城管科，已安排次日维修；值班委员将回访。',
  },
  {
    daysAgo: 5,
    visitor: '周红霞',
    phone: '13800131002',
    count: 4,
    matter: '幸福小区是 1990 年代的六层老楼，没有电梯，老人上下楼很困难，希望加装电梯。',
    present: [0, 1],
    convert: {
      title: '关于幸福小区老旧住宅加装电梯的建议',
      place: '城关街道幸福小区',
      problem: '幸福小区 12 栋六层住宅建于 1990 年代，无电梯，60 岁以上居民约占三成，上下楼困难。',
      suggestion: '将幸福小区纳入今年老旧小区改造计划，统一规划加装电梯，并协调低层住户意见、落实补贴政策。',
    },
  },
  {
    daysAgo: 4,
    visitor: '孙立新',
    phone: null,
    matter: '想了解今年城乡居民医保的缴费标准和办理渠道。',
    present: [2],
    outcome: '值班委员当场讲解了缴费标准，并演示了手机缴费的办法。',
  },
  {
    daysAgo: 3,
    visitor: '钱卫东',
    phone: '13800131004',
    count: 2,
    matter: '人民路菜市场周边早晚高峰乱停车，堵住了公交车道。',
    present: [1, 2],
    convert: {
      title: '关于规范人民路菜市场周边停车的建议',
      place: '城关街道人民路菜市场',
      problem: '菜市场周边无划线停车位，早晚高峰车辆占用公交车道，公交车经常滞留。',
      suggestion: '在菜市场北侧空地划设临时停车位，高峰时段安排协管员疏导，并增设违停抓拍。',
    },
  },
  {
    daysAgo: 2,
    visitor: '吴桂芳',
    phone: '13800131005',
    matter: '社区卫生服务站周末不开门，孩子发烧只能去市医院。',
    present: [0],
  },
  {
    daysAgo: 1,
    visitor: '郑明辉',
    phone: '13800131006',
    matter: '反映小区垃圾分类投放点离单元楼太远。',
    present: [],
    outcome: '已转告社区物业，物业承诺下周在 5 号楼旁增设一个投放点。',
  },
  {
    daysAgo: 0,
    visitor: '冯淑芬',
    phone: null,
    matter: '咨询老年人助餐点的报名方式。',
    present: [1],
    outcome: '已告知社区助餐点地址和报名电话，老人当场报了名。',
  },
];

const studioVisits: DemoVisit[] = [
  {
    daysAgo: 5,
    visitor: '陈晓红',
    phone: '13800131011',
    matter: '小微企业申请创业担保贷款的材料太多，跑了三趟还没办下来。',
    present: [0],
    outcome: '委员当场对照清单帮助核对了材料，并联系人社局窗口预约了办理时间。',
  },
  {
    daysAgo: 2,
    visitor: '何家豪',
    phone: '13800131012',
    matter: '东湖公园夜间照明不足，健身步道有安全隐患。',
    present: [0, 1],
  },
];

/** The members of the demo accounts member1 … member5, in that order (the first five members of the roster). */
async function demoMemberIds(deps: AppDependencies, orgId: string): Promise<string[]> {
  const accounts = await deps.database.orm
    .select({ username: users.username, memberId: users.memberId })
    .from(users)
    .where(and(eq(users.orgId, orgId), inArray(users.username, ['member1', 'member2', 'member3', 'member4', 'member5'])))
    .orderBy(asc(users.username));
  const ids = accounts.map((account) => account.memberId).filter((id): id is string => Boolean(id));
  const more = await deps.database.orm
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.orgId, orgId), eq(members.state, 'active')))
    .orderBy(asc(members.name))
    .limit(12);
  return [...ids, ...more.map((row) => row.id).filter((id) => !ids.includes(id))];
}

/** Records the demo visits of a station as its staff (or the office), closing and converting as written. */
async function seedVisits(
  deps: AppDependencies,
  actor: Actor,
  stationId: string,
  today: string,
  visits: DemoVisit[],
  present: string[],
) {
  for (const item of visits) {
    const visit = await recordVisit(
      deps,
      actor,
      {
        stationId,
        visitDate: addDays(today, -item.daysAgo),
        visitorName: item.visitor,
        visitorPhone: item.phone,
        visitorCount: item.count ?? 1,
        matter: item.matter,
        memberIds: item.present.map((index) => present[index]),
      },
      context,
    );
    if (item.outcome) await closeVisit(deps, actor, visit.id, visit.version, { outcome: item.outcome }, context);
    if (item.convert) {
      // The micro-suggestion module raises it; should it refuse (its rules or settings), the visit stays open.
      await convertVisit(deps, actor, visit.id, visit.version, item.convert, context).catch(() => undefined);
    }
  }
}

/**
 * Seeds the demo liaison station (城关街道委员联络站) and member studio with their attached members, the account
 * `station1` (station staff of the station), a week of visits (closed on the spot, two turned into micro-suggestions,
 * some open), and duty days from last week to four weeks ahead. Returns the demo account for the start banner.
 */
export async function seedDemoStations(deps: AppDependencies, orgId: string, today: string): Promise<DemoAccount[]> {
  const office = (await demoActors(deps, orgId)).get('office');
  if (!office) return [];
  const memberIds = await demoMemberIds(deps, orgId);
  if (memberIds.length < 7) return [];
  const stationMembers = [memberIds[0], memberIds[1], memberIds[2], memberIds[5], memberIds[6]];
  const studioMembers = [memberIds[3], memberIds[4]];
  const [studioLead] = await deps.database.orm
    .select({ name: members.name })
    .from(members)
    .where(and(eq(members.orgId, orgId), eq(members.id, studioMembers[0])));

  const station = await createStation(
    deps,
    office,
    {
      name: '城关街道委员联络站',
      kind: 'station',
      address: '示例市城关街道人民路 88 号党群服务中心一楼',
      openingHours: '每周二、周四 9:00–11:30，14:30–17:00',
      description: '驻站委员轮流接待群众，收集社情民意，能当场解决的当场解决，需要推动的转为微建议。',
      memberIds: stationMembers,
      sortOrder: 10,
    },
    context,
  );
  const studio = await createStation(
    deps,
    office,
    {
      name: `${studioLead?.name ?? '示例'}委员工作室`,
      kind: 'studio',
      address: '示例市东湖街道东湖社区服务中心二楼',
      openingHours: '每月第一、第三个周六 9:00–12:00',
      description: '聚焦营商环境和小微企业发展，委员定期坐班，听取企业和群众意见。',
      memberIds: studioMembers,
      sortOrder: 20,
    },
    context,
  );

  const account = await deps.database.orm.transaction(async (tx) => {
    const row = await insertAccount(tx, deps, {
      orgId,
      username: 'station1',
      displayName: '城关联络站工作人员',
      roles: ['station_staff'],
      passwordHash: await hashPassword(DEMO_PASSWORD),
      mustChangePassword: false,
      stationId: station.id,
      demo: true,
    });
    await recordEvent(tx, deps.config.auditHash, {
      orgId,
      type: 'user.created',
      summary: `新建演示账户“${row.username}”（${row.displayName}）`,
      subjectType: 'user',
      subjectId: row.id,
      after: userAuditView(row, ['station_staff'], deps.cipher),
      context,
    });
    return row;
  });
  const staff: Actor = {
    userId: account.id,
    orgId,
    username: account.username,
    displayName: account.displayName,
    roles: ['station_staff'],
    memberId: null,
    unitId: null,
    stationId: station.id,
    sessionId: 'demo-seed',
  };

  await seedVisits(deps, staff, station.id, today, stationVisits, stationMembers);
  await seedVisits(deps, office, studio.id, today, studioVisits, studioMembers);

  // Duty days: the station on Tuesdays and Thursdays (members in turn), the studio on Saturdays, last week to
  // four weeks ahead.
  let turn = 0;
  for (let offset = -7; offset <= 28; offset++) {
    const date = addDays(today, offset);
    const weekday = dayOfWeek(date);
    if (weekday === 2 || weekday === 4) {
      const memberId = stationMembers[turn % stationMembers.length];
      turn += 1;
      await scheduleDutyDay(deps, staff, { memberId, dutyDate: date, note: null }, context);
    }
    if (weekday === 6) {
      const memberId = studioMembers[Math.abs(offset) % studioMembers.length];
      await scheduleDutyDay(deps, office, { stationId: studio.id, memberId, dutyDate: date, note: '企业服务专场' }, context);
    }
  }
  return [{ username: 'station1', description: `联络站工作人员（${station.name}）` }];
}
