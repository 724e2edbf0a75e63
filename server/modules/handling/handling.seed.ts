import { and, asc, eq } from 'drizzle-orm';
import type { Proposal } from '../../../contracts/proposals.ts';
import type { Actor, RequestContext } from '../../platform/auth/actor.ts';
import { addDays, addMonths } from '../../platform/calendar/business-date.ts';
import type { AppDependencies } from '../../platform/module.ts';
import { dictionaryEntries, sessions } from '../orgs/orgs.tables.ts';
import { units } from '../people/people.tables.ts';
import { assignProposal } from '../proposals/actions/assign-proposal.ts';
import { createProposal } from '../proposals/actions/create-proposal.ts';
import { fileProposal } from '../proposals/actions/file-proposal.ts';
import { signForAssignment } from '../proposals/actions/sign-for-assignment.ts';
import { submitProposal } from '../proposals/actions/submit-proposal.ts';
import { demoActors } from '../proposals/proposals.seed.ts';
import { draftReply } from './actions/draft-reply.ts';
import { rateReply } from './actions/rate-reply.ts';
import { recordContact } from './actions/record-contact.ts';
import { requestExtension } from './actions/request-extension.ts';
import { signOffReply } from './actions/sign-off-reply.ts';
import { submitReply } from './actions/submit-reply.ts';
import { itemAssignments } from './handled-items.tables.ts';
import { type DemoHandlingText, demoHandlingTexts } from './handling.demo-texts.ts';
import { loadHandlingRules } from './handling.queries.ts';

const seedContext: RequestContext = { ip: null, requestId: 'demo-seed' };

/** How far the demo takes one proposal's handling. */
type Stage = 'pending_signoff' | 'replied' | 'rehandling' | 'closed';

/**
 * Seeds handling through the real actions: proposals of the 发改委 (the unit with the demo handler unit1 and leader
 * unitleader1) replied and waiting for ratings, reopened after a dissatisfied rating, closed, and one whose reply
 * waits for the leader's sign-off with an extension request; plus closed ones in the previous session (archived by
 * the archive seed). Does nothing when the demo accounts are missing.
 */
export async function seedDemoHandling(deps: AppDependencies, orgId: string): Promise<{ previousClosed: string[] }> {
  const actors = await demoActors(deps, orgId);
  const [office, handler, leader] = ['office', 'unit1', 'unitleader1'].map((name) => actors.get(name));
  if (!office || !handler?.unitId || !leader) return { previousClosed: [] };
  const sessionRows = await deps.database.orm
    .select()
    .from(sessions)
    .where(eq(sessions.orgId, orgId))
    .orderBy(asc(sessions.number));
  const current = sessionRows.find((row) => row.isCurrent) ?? sessionRows[sessionRows.length - 1];
  const previous = sessionRows.filter((row) => row.number < current.number).pop();
  const [unit] = await deps.database.orm
    .select()
    .from(units)
    .where(and(eq(units.orgId, orgId), eq(units.id, handler.unitId)));
  const member = (index: number) => actors.get(`member${index}`) as Actor;
  const [category] = await deps.database.orm
    .select({ id: dictionaryEntries.id })
    .from(dictionaryEntries)
    .where(
      and(
        eq(dictionaryEntries.orgId, orgId),
        eq(dictionaryEntries.kind, 'proposal_category'),
        eq(dictionaryEntries.name, '经济建设'),
      ),
    );

  const start = async (text: DemoHandlingText, proposer: Actor, sessionId: string) => {
    let proposal: Proposal = await createProposal(
      deps,
      proposer,
      {
        sessionId,
        title: text.title,
        background: text.background,
        suggestions: text.suggestions,
        categoryId: category?.id ?? null,
        keywords: text.keywords,
        agreesToPublish: true,
        publicationRefusalReason: null,
      },
      seedContext,
    );
    proposal = await submitProposal(deps, proposer, proposal.id, proposal.version, seedContext);
    proposal = await fileProposal(deps, office, proposal.id, proposal.version, {}, seedContext);
    proposal = await assignProposal(
      deps,
      office,
      proposal.id,
      proposal.version,
      { mode: 'sole', unitIds: [unit.id], coUnitIds: [] },
      seedContext,
    );
    const [row] = await deps.database.orm
      .select()
      .from(itemAssignments)
      .where(and(eq(itemAssignments.orgId, orgId), eq(itemAssignments.itemId, proposal.id)));
    await signForAssignment(deps, handler, row.id, row.version, seedContext);
    return { proposal, assignmentId: row.id };
  };

  const handle = async (text: DemoHandlingText, proposer: Actor, sessionId: string, stage: Stage, resultClass = 'A') => {
    const { proposal, assignmentId } = await start(text, proposer, sessionId);
    const rules = await loadHandlingRules(deps.database.orm, deps, orgId);
    await recordContact(
      deps,
      handler,
      assignmentId,
      {
        method: 'visit',
        contactedOn: rules.today,
        people: `${unit.name}承办处负责人、${proposer.displayName}委员`,
        summary: '上门听取提案人意见，介绍办理思路和工作计划，提案人表示认可。',
      },
      seedContext,
    );
    let reply = await draftReply(
      deps,
      handler,
      assignmentId,
      {
        kind: 'reply',
        text: text.reply,
        resultClass,
        contactPerson: '王建国',
        contactPhone: '0571-87051234',
        ...(resultClass === 'B' ? { followUpDueOn: addMonths(rules.today, 6) } : {}),
      },
      seedContext,
    );
    reply = await submitReply(deps, handler, reply.id, reply.version, seedContext);
    if (stage === 'pending_signoff') {
      await requestExtension(
        deps,
        handler,
        assignmentId,
        {
          requestedDueOn: addDays(addMonths(rules.today, 3), 30),
          reason: '涉及充电设施专项规划编制，需与住建、供电等单位会商，申请延期一个月。',
        },
        seedContext,
      );
      return proposal.id;
    }
    reply = await signOffReply(deps, leader, reply.id, reply.version, 'sign_off_and_send', seedContext);
    if (stage === 'rehandling') {
      await rateReply(
        deps,
        proposer,
        reply.id,
        { rating: 'dissatisfied', contacted: true, addressed: false, comment: '答复未明确时间表，希望细化推进计划。' },
        seedContext,
      );
    } else if (stage === 'closed') {
      await rateReply(deps, proposer, reply.id, { rating: 'satisfied', contacted: true, addressed: true }, seedContext);
    }
    return proposal.id;
  };

  const [commerce, approval, grain, charging, prices] = demoHandlingTexts;
  await handle(commerce, member(1), current.id, 'replied');
  await handle(approval, member(2), current.id, 'rehandling', 'B');
  await handle(grain, member(3), current.id, 'closed');
  await handle(charging, member(4), current.id, 'pending_signoff');
  const previousClosed = previous ? [await handle(prices, member(5), previous.id, 'closed')] : [];
  return { previousClosed };
}
