import { inArray } from 'drizzle-orm';
import type { Transaction } from '../../platform/db/database.ts';
import { recordEvent } from '../../platform/events/record-event.ts';
import type { AppDependencies } from '../../platform/module.ts';
import { createOrganizationWithDefaults } from './actions/create-organization.ts';
import { organizations, sessions, terms } from './orgs.tables.ts';

/** The ids the demo seed of other modules builds on. */
export type DemoOrganization = {
  organizationId: string;
  districtId: string;
  termId: string;
  /** 十届一次会议 … 十届五次会议, in order. */
  sessionIds: string[];
  currentSessionId: string;
};

/** 十届 of the demo city: five yearly plenary sessions, each in January as real ones are. */
const demoSessions = [
  {
    number: 1,
    name: '十届一次会议',
    year: 2022,
    plenaryStartsOn: '2022-01-06',
    plenaryEndsOn: '2022-01-09',
    proposalWindowOpensOn: '2021-11-15',
  },
  {
    number: 2,
    name: '十届二次会议',
    year: 2023,
    plenaryStartsOn: '2023-01-05',
    plenaryEndsOn: '2023-01-08',
    proposalWindowOpensOn: '2022-11-15',
  },
  {
    number: 3,
    name: '十届三次会议',
    year: 2024,
    plenaryStartsOn: '2024-01-08',
    plenaryEndsOn: '2024-01-11',
    proposalWindowOpensOn: '2023-11-15',
  },
  {
    number: 4,
    name: '十届四次会议',
    year: 2025,
    plenaryStartsOn: '2025-01-07',
    plenaryEndsOn: '2025-01-10',
    proposalWindowOpensOn: '2024-11-15',
  },
  {
    number: 5,
    name: '十届五次会议',
    year: 2026,
    plenaryStartsOn: '2026-01-06',
    plenaryEndsOn: '2026-01-09',
    proposalWindowOpensOn: '2025-11-14',
  },
];

/**
 * Seeds 示例市政协 (demo-city) with its defaults, a subordinate 示例区政协 (demo-district) for linkage, and its
 * 十届 term (2022–2027) with sessions 十届一次会议 … 十届五次会议 (2026, current). Runs in the caller's transaction.
 */
export async function seedDemoOrganization(tx: Transaction, deps: AppDependencies): Promise<DemoOrganization> {
  const city = await createOrganizationWithDefaults(tx, deps, {
    code: 'demo-city',
    name: '示例市政协',
    shortName: '市政协',
    level: 'city',
    parentId: null,
  });
  const district = await createOrganizationWithDefaults(tx, deps, {
    code: 'demo-district',
    name: '示例区政协',
    shortName: '区政协',
    level: 'county',
    parentId: city.id,
  });
  // The demo lets a newcomer log in as `admin` with the README's password: no authenticator is required of the
  // administrators here (the product's default requires one; see the README's demo section).
  await tx
    .update(organizations)
    .set({ settings: { security: { requireTotpForAdministrators: false } } })
    .where(inArray(organizations.id, [city.id, district.id]));
  const [term] = await tx
    .insert(terms)
    .values({ orgId: city.id, number: 10, name: '十届', startsOn: '2022-01-06', endsOn: '2027-01-05' })
    .returning();
  const rows = await tx
    .insert(sessions)
    .values(demoSessions.map((session) => ({ ...session, orgId: city.id, termId: term.id, isCurrent: session.number === 5 })))
    .returning({ id: sessions.id, number: sessions.number });
  const sessionIds = rows.sort((left, right) => left.number - right.number).map((row) => row.id);
  await recordEvent(tx, deps.config.auditHash, {
    orgId: city.id,
    type: 'term.created',
    summary: '新建届次“十届”及十届一次至五次会议（示例数据），当前会议为十届五次会议',
    subjectType: 'term',
    subjectId: term.id,
    after: { term: term.name, sessions: demoSessions.map((session) => session.name) },
  });
  return { organizationId: city.id, districtId: district.id, termId: term.id, sessionIds, currentSessionId: sessionIds[4] };
}
