import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { type AssignmentRole, assignmentRoleNames } from '../../../contracts/proposals.ts';
import { effectiveSettings } from '../../../contracts/settings.ts';
import { type Actor, hasAnyRole } from '../../platform/auth/actor.ts';
import { businessDate } from '../../platform/calendar/business-date.ts';
import { badRequest, forbidden, notFound, Problem } from '../../platform/http/problem.ts';
import type { AppDependencies } from '../../platform/module.ts';
import { itemAssignments } from '../handling/handled-items.tables.ts';
import { loadOrganization, loadSession } from '../orgs/orgs.queries.ts';
import { dictionaryEntries } from '../orgs/orgs.tables.ts';
import { members, units } from '../people/people.tables.ts';
import type { AssignmentNoticeData, ProposalDocumentData } from './proposals.documents.ts';
import { loadVisibleProposal } from './proposals.queries.ts';
import { assignmentBatches, proposalSupplements, proposals } from './proposals.tables.ts';

const kindNames: Record<string, string> = { plenary: '大会提案', interim: '平时提案' };

/** The data of GET /proposals/{id}/document: a proposal the actor may read, with the names the form prints. */
export async function loadProposalDocumentData(deps: AppDependencies, actor: Actor, id: string): Promise<ProposalDocumentData> {
  const orm = deps.database.orm;
  const { proposal, coSigners } = await loadVisibleProposal(orm, actor, id);
  const organization = await loadOrganization(orm, actor.orgId);
  const session = await loadSession(orm, actor.orgId, proposal.sessionId);
  const [lead] = proposal.leadMemberId
    ? await orm
        .select({ name: members.name })
        .from(members)
        .where(and(eq(members.orgId, actor.orgId), eq(members.id, proposal.leadMemberId)))
    : [];
  const [category] = proposal.categoryId
    ? await orm
        .select({ name: dictionaryEntries.name })
        .from(dictionaryEntries)
        .where(and(eq(dictionaryEntries.orgId, actor.orgId), eq(dictionaryEntries.id, proposal.categoryId)))
    : [];
  const supplements = await orm
    .select()
    .from(proposalSupplements)
    .where(and(eq(proposalSupplements.orgId, actor.orgId), eq(proposalSupplements.proposalId, proposal.id)))
    .orderBy(asc(proposalSupplements.id));
  const timeZone = organization.timeZone;
  return {
    committeeName: organization.name,
    sessionName: session.name,
    number: proposal.number,
    title: proposal.title,
    authorName: proposal.authorType === 'collective' ? (proposal.collectiveAuthorName ?? '') : (lead?.name ?? ''),
    coSignerNames: coSigners.filter((row) => row.state === 'accepted').map((row) => row.name),
    categoryName: category?.name ?? null,
    kindName: kindNames[proposal.kind] ?? proposal.kind,
    submittedOn: proposal.submittedAt ? businessDate(new Date(proposal.submittedAt), timeZone) : null,
    background: proposal.background,
    suggestions: proposal.suggestions,
    supplements: supplements.map((row) => ({
      text: row.text,
      authorName: row.authorName,
      createdOn: businessDate(new Date(row.createdAt), timeZone),
    })),
  };
}

/** Which assignments a notice covers: one unit's, of a batch (交办会) or of a whole session. */
export type NoticeScope = { unitId: string; batchId?: string; sessionId?: string };

/** Who may download a unit's notice: the proposal office for any unit, a unit's own handlers and leaders. */
export function canReadAssignmentNotice(actor: Actor, unitId: string): boolean {
  if (hasAnyRole(actor, 'proposal_office')) return true;
  return hasAnyRole(actor, 'unit_handler', 'unit_leader') && actor.unitId === unitId;
}

/** The data of a unit's assignment notice (交办通知); 403 for another unit's, 404 when it has nothing assigned. */
export async function loadAssignmentNoticeData(
  deps: AppDependencies,
  actor: Actor,
  scope: NoticeScope,
): Promise<AssignmentNoticeData> {
  if (!canReadAssignmentNotice(actor, scope.unitId)) throw forbidden('您只能下载本单位的交办通知');
  const orm = deps.database.orm;
  const [unit] = await orm
    .select({ name: units.name, code: units.code })
    .from(units)
    .where(and(eq(units.orgId, actor.orgId), eq(units.id, scope.unitId)));
  if (!unit) throw notFound('承办单位');
  const [batch] = scope.batchId
    ? await orm
        .select()
        .from(assignmentBatches)
        .where(and(eq(assignmentBatches.orgId, actor.orgId), eq(assignmentBatches.id, scope.batchId)))
    : [];
  if (scope.batchId && !batch) throw notFound('交办批次');
  const sessionId = batch?.sessionId ?? scope.sessionId;
  if (!sessionId) throw badRequest('请指定交办批次（batchId）或会议（sessionId）', undefined, 'scope_missing');
  const session = await loadSession(orm, actor.orgId, sessionId);
  const organization = await loadOrganization(orm, actor.orgId);
  const settings = effectiveSettings(organization.settings).proposals;
  const rows = await orm
    .select({
      number: proposals.number,
      title: proposals.title,
      authorType: proposals.authorType,
      collectiveAuthorName: proposals.collectiveAuthorName,
      leadName: members.name,
      role: itemAssignments.role,
      dueOn: itemAssignments.dueOn,
    })
    .from(itemAssignments)
    .innerJoin(proposals, and(eq(proposals.orgId, itemAssignments.orgId), eq(proposals.id, itemAssignments.itemId)))
    .leftJoin(members, and(eq(members.orgId, proposals.orgId), eq(members.id, proposals.leadMemberId)))
    .where(
      and(
        eq(itemAssignments.orgId, actor.orgId),
        eq(itemAssignments.unitId, scope.unitId),
        ne(itemAssignments.state, 'reassigned'),
        batch ? eq(itemAssignments.batchId, batch.id) : eq(proposals.sessionId, session.id),
      ),
    )
    .orderBy(sql`${proposals.sequence} asc nulls last`, asc(proposals.id));
  if (rows.length === 0) {
    throw new Problem(
      404,
      'no_assignments',
      batch
        ? `${unit.name}在本交办批次中没有承办的提案，无法生成交办通知`
        : `${unit.name}在${session.name}没有承办的提案，无法生成交办通知`,
    );
  }
  const issuedOn = businessDate(batch ? new Date(batch.confirmedAt) : deps.now(), organization.timeZone);
  return {
    committeeName: organization.name,
    sessionName: session.name,
    unitName: unit.name,
    documentNumber: batch?.documentNumber || `政协提〔${issuedOn.slice(0, 4)}〕${unit.code}号`,
    issuedOn,
    replyDueMonths: settings.replyDueMonths,
    coHandlerDueMonths: settings.coHandlerDueMonths,
    adjustmentWindowWorkingDays: settings.adjustmentWindowWorkingDays,
    items: rows.map((row) => ({
      number: row.number,
      title: row.title,
      proposerName: row.authorType === 'collective' ? (row.collectiveAuthorName ?? '') : (row.leadName ?? ''),
      roleName: assignmentRoleNames[row.role as AssignmentRole] ?? row.role,
      dueOn: row.dueOn,
    })),
  };
}
