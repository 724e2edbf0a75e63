import { and, eq } from 'drizzle-orm';
import type { AssignmentPlan, Proposal } from '../../../contracts/proposals.ts';
import type { Actor, RequestContext } from '../../platform/auth/actor.ts';
import type { AppDependencies } from '../../platform/module.ts';
import { itemAssignments } from '../handling/handled-items.tables.ts';
import { dictionaryEntries } from '../orgs/orgs.tables.ts';
import { assignProposal } from './actions/assign-proposal.ts';
import { confirmAssignmentBatch } from './actions/confirm-assignment-batch.ts';
import { requestAdjustment } from './actions/request-adjustment.ts';
import { setCategoryDefaultUnits } from './actions/set-category-default-units.ts';
import { signForAssignment } from './actions/sign-for-assignment.ts';
import { proposals } from './proposals.tables.ts';

/** What the assignment part of the demo seed needs from the proposal part. */
export type DemoAssigner = {
  deps: AppDependencies;
  office: Actor;
  actor: (username: string) => Actor;
  unitIds: (codes: string[]) => string[];
  /** A demo account of the unit that may sign for its items, if it has one. */
  unitHandler: (unitId: string) => Actor | undefined;
  context: RequestContext;
};

/** A filed proposal with the unit codes its text suggests (the first leads). */
type FiledItem = { proposal: Proposal; units: string[] };

/** The plan the office would choose: one unit sole; otherwise the first leads with the others as co-handlers. */
function planFor(unitIds: string[], parallel = false): AssignmentPlan {
  if (unitIds.length <= 1) return { mode: 'sole', unitIds, coUnitIds: [] };
  if (parallel) return { mode: 'parallel', unitIds: unitIds.slice(0, 2), coUnitIds: [] };
  return { mode: 'lead', unitIds: [unitIds[0]], coUnitIds: unitIds.slice(1) };
}

/** The proposal's version now (a merge or a supplement after filing moved it on). */
async function versionOf(deps: AppDependencies, orgId: string, id: string): Promise<number> {
  const [row] = await deps.database.orm
    .select({ version: proposals.version })
    .from(proposals)
    .where(and(eq(proposals.orgId, orgId), eq(proposals.id, id)));
  return row.version;
}

/** The live assignment of a unit on a proposal. */
async function assignmentOf(deps: AppDependencies, orgId: string, proposalId: string, unitId: string | null) {
  const [row] = await deps.database.orm
    .select()
    .from(itemAssignments)
    .where(
      and(eq(itemAssignments.orgId, orgId), eq(itemAssignments.itemId, proposalId), eq(itemAssignments.unitId, unitId ?? '')),
    );
  return row;
}

/**
 * Assigns the demo proposals: the previous session's one by one (signed for), and this session's at one
 * assignment meeting (交办会) in a batch with its 文号; then unit2 signs for its item and unit3 asks for an
 * adjustment, so every assignment state is on screen. Also fills the category default units table.
 */
export async function seedDemoAssignments(
  assigner: DemoAssigner,
  items: { history: FiledItem[]; filed: FiledItem[] },
): Promise<void> {
  const { deps, office, actor, unitIds, context } = assigner;
  const orgId = office.orgId;
  const defaults: [string, string[]][] = [
    ['城乡建设', ['ZJJ', 'ZRZYJ']],
    ['教育', ['JYJ']],
    ['交通运输', ['JTJ', 'GAJ']],
    ['生态环境', ['STHJJ']],
    ['卫生健康', ['WJW']],
    ['社会保障', ['MZJ', 'RSJ']],
    ['经济建设', ['FGW']],
  ];
  for (const [name, codes] of defaults) {
    const [category] = await deps.database.orm
      .select({ id: dictionaryEntries.id })
      .from(dictionaryEntries)
      .where(
        and(
          eq(dictionaryEntries.orgId, orgId),
          eq(dictionaryEntries.kind, 'proposal_category'),
          eq(dictionaryEntries.name, name),
        ),
      );
    if (category) await setCategoryDefaultUnits(deps, office, category.id, unitIds(codes), context);
  }

  for (const item of items.history) {
    const assigned = await assignProposal(
      deps,
      office,
      item.proposal.id,
      item.proposal.version,
      planFor(unitIds(item.units)),
      context,
    );
    for (const assignment of assigned.assignments) {
      const row = await assignmentOf(deps, orgId, assigned.id, assignment.unitId);
      // Only a real account of the unit signs for it; units without a demo account leave it pending.
      const handler = assigner.unitHandler(assignment.unitId);
      if (row && handler) await signForAssignment(deps, handler, row.id, row.version, context);
    }
  }

  if (items.filed.length === 0) return;
  await confirmAssignmentBatch(
    deps,
    office,
    {
      title: '十届五次会议提案交办会',
      documentNumber: '政协提〔2026〕12号',
      items: await Promise.all(
        items.filed.map(async (item, index) => ({
          id: item.proposal.id,
          version: await versionOf(deps, orgId, item.proposal.id),
          plan: planFor(unitIds(item.units), index === 3),
        })),
      ),
    },
    context,
  );
  for (const [username, decide] of [
    ['unit2', 'sign_for'],
    ['unit3', 'request_adjustment'],
  ] as const) {
    const unitActor = actor(username);
    for (const item of items.filed) {
      const row = await assignmentOf(deps, orgId, item.proposal.id, unitActor.unitId);
      if (!row) continue;
      if (decide === 'sign_for') await signForAssignment(deps, unitActor, row.id, row.version, context);
      else {
        await requestAdjustment(
          deps,
          unitActor,
          row.id,
          row.version,
          { reason: '该提案所提停车设施规划和收费事项不属本局职责，建议由市城市管理局会办。' },
          context,
        );
      }
      break;
    }
  }
}
