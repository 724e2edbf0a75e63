import { and, eq, sql } from 'drizzle-orm';
import { type AssignmentRole, assignmentRoleNames, type ProposalState } from '../../../contracts/proposals.ts';
import type { Actor, RequestContext } from '../../platform/auth/actor.ts';
import { recordEvent } from '../../platform/events/record-event.ts';
import type { AppDependencies } from '../../platform/module.ts';
import { itemAssignments } from '../handling/handled-items.tables.ts';
import { loadOrganization } from '../orgs/orgs.queries.ts';
import { dictionaryEntries, sessions } from '../orgs/orgs.tables.ts';
import { writeSheet } from '../people/people.excel.ts';
import { members, units } from '../people/people.tables.ts';
import { orderOf, type ProposalFilters, proposalConditions, sortOf } from './proposals.list.ts';
import { proposals } from './proposals.tables.ts';
import { proposalWorkflow } from './proposals.workflow.ts';

/** Most rows one export holds; narrower filters get the rest. */
export const MAX_EXPORT_ROWS = 10_000;

/** The columns of the proposal export, in order. */
export const proposalExportColumns = [
  '提案号',
  '案由',
  '提案人',
  '类别',
  '届次会议',
  '类型',
  '状态',
  '提交时间',
  '立案时间',
  '承办单位',
] as const;

const kindNames: Record<string, string> = { plenary: '大会', interim: '平时' };
const roleOrder: AssignmentRole[] = ['lead', 'sole', 'parallel', 'co'];

/** An instant as "YYYY-MM-DD HH:mm" in the committee's time zone; empty when absent. */
export function localTime(value: string | null, timeZone: string): string {
  if (!value) return '';
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(value))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** The live units of each row, as JSON from one correlated subquery (no query per row). */
const unitsColumn = sql<{ name: string; role: string }[] | null>`(
  select json_agg(json_build_object('name', ${units.name}, 'role', ${itemAssignments.role}) order by ${itemAssignments.id})
  from ${itemAssignments}
  join ${units} on ${units.orgId} = ${itemAssignments.orgId} and ${units.id} = ${itemAssignments.unitId}
  where ${itemAssignments.orgId} = ${proposals.orgId} and ${itemAssignments.itemId} = ${proposals.id}
    and ${itemAssignments.state} <> 'reassigned')`;

/** The export's rows: every proposal matching the list filters that the actor may read, in the list's order. */
export async function findProposalsForExport(deps: AppDependencies, actor: Actor, query: ProposalFilters) {
  return deps.database.orm
    .select({
      number: proposals.number,
      title: proposals.title,
      authorType: proposals.authorType,
      leadName: members.name,
      collectiveAuthorName: proposals.collectiveAuthorName,
      categoryName: dictionaryEntries.name,
      sessionName: sessions.name,
      kind: proposals.kind,
      state: proposals.state,
      submittedAt: proposals.submittedAt,
      filedAt: proposals.filedAt,
      units: unitsColumn,
    })
    .from(proposals)
    .leftJoin(members, and(eq(members.orgId, proposals.orgId), eq(members.id, proposals.leadMemberId)))
    .leftJoin(
      dictionaryEntries,
      and(eq(dictionaryEntries.orgId, proposals.orgId), eq(dictionaryEntries.id, proposals.categoryId)),
    )
    .leftJoin(sessions, and(eq(sessions.orgId, proposals.orgId), eq(sessions.id, proposals.sessionId)))
    .where(and(...proposalConditions(actor, query)))
    .orderBy(...orderOf(sortOf(query)))
    .limit(MAX_EXPORT_ROWS);
}

/** The units cell: "市住建局（主办）、市财政局（会办）", lead first. */
function unitsText(list: { name: string; role: string }[] | null): string {
  return [...(list ?? [])]
    .sort((a, b) => roleOrder.indexOf(a.role as AssignmentRole) - roleOrder.indexOf(b.role as AssignmentRole))
    .map((unit) => `${unit.name}（${assignmentRoleNames[unit.role as AssignmentRole] ?? unit.role}）`)
    .join('、');
}

/** The proposal list as an .xlsx workbook (one sheet), with times in the committee's time zone. */
export function proposalExportWorkbook(
  rows: Awaited<ReturnType<typeof findProposalsForExport>>,
  timeZone: string,
): Promise<Buffer> {
  return writeSheet({
    sheetName: '提案列表',
    columns: proposalExportColumns,
    widths: { 提案号: 10, 案由: 48, 提案人: 16, 类别: 14, 届次会议: 16, 状态: 12, 提交时间: 18, 立案时间: 18, 承办单位: 40 },
    textColumns: ['提案号'],
    rows: rows.map((row) => [
      row.number ?? '',
      row.title,
      row.authorType === 'collective' ? (row.collectiveAuthorName ?? '') : (row.leadName ?? ''),
      row.categoryName ?? '',
      row.sessionName ?? '',
      kindNames[row.kind] ?? row.kind,
      proposalWorkflow.states[row.state as ProposalState] ?? row.state,
      localTime(row.submittedAt, timeZone),
      localTime(row.filedAt, timeZone),
      unitsText(row.units),
    ]),
  });
}

/**
 * GET /proposals/export: the matching proposals as Excel, and an audit event of the export (who, how many,
 * which filter), as the people module records roster exports.
 */
export async function exportProposals(
  deps: AppDependencies,
  actor: Actor,
  query: ProposalFilters,
  context: RequestContext,
): Promise<Buffer> {
  const orm = deps.database.orm;
  const rows = await findProposalsForExport(deps, actor, query);
  const organization = await loadOrganization(orm, actor.orgId);
  await orm.transaction(async (tx) => {
    await recordEvent(tx, deps.config.auditHash, {
      orgId: actor.orgId,
      type: 'proposal.exported',
      summary: `导出提案列表 ${rows.length} 条`,
      actor,
      subjectType: 'proposal',
      after: { count: rows.length, filter: query },
      context,
    });
  });
  return proposalExportWorkbook(rows, organization.timeZone);
}
