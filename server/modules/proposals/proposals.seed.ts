import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { Proposal } from '../../../contracts/proposals.ts';
import type { Role } from '../../../contracts/roles.ts';
import type { Actor, RequestContext } from '../../platform/auth/actor.ts';
import { addDays, businessDate } from '../../platform/calendar/business-date.ts';
import type { AppDependencies } from '../../platform/module.ts';
import { dictionaryEntries, sessions } from '../orgs/orgs.tables.ts';
import { units, userRoles, users } from '../people/people.tables.ts';
import { actOnCoSigner } from './actions/act-on-co-signer.ts';
import { addSupplement } from './actions/add-supplement.ts';
import { convertProposal } from './actions/convert-proposal.ts';
import { createProposal } from './actions/create-proposal.ts';
import { fileProposal } from './actions/file-proposal.ts';
import { inviteCoSigners } from './actions/invite-co-signers.ts';
import { mergeProposal } from './actions/merge-proposal.ts';
import { rejectProposal } from './actions/reject-proposal.ts';
import { returnProposal } from './actions/return-proposal.ts';
import { submitProposal } from './actions/submit-proposal.ts';
import { withdrawProposal } from './actions/withdraw-proposal.ts';
import { type DemoProposalText, demoProposalTexts } from './proposals.demo-texts.ts';
import { type DemoAssigner, seedDemoAssignments } from './proposals.seed-assignments.ts';
import { proposals } from './proposals.tables.ts';

const seedContext: RequestContext = { ip: null, requestId: 'demo-seed' };

/** The demo accounts as actors, by username, so the seed goes through the same actions (and events) as users. */
export async function demoActors(deps: AppDependencies, orgId: string): Promise<Map<string, Actor>> {
  const orm = deps.database.orm;
  const rows = await orm
    .select()
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.demo, true)));
  const roles = await orm.select().from(userRoles).where(eq(userRoles.orgId, orgId));
  return new Map(
    rows.map((row) => [
      row.username,
      {
        userId: row.id,
        orgId,
        username: row.username,
        displayName: row.displayName,
        roles: roles.filter((role) => role.userId === row.id).map((role) => role.role as Role),
        memberId: row.memberId,
        unitId: row.unitId,
        sessionId: 'demo-seed',
      },
    ]),
  );
}

/**
 * Seeds the demo committee's proposals through the real actions, so each has its history and notifications:
 * drafts, one collecting co-signatures, submitted ones waiting for review, one returned, filed, rejected, merged,
 * converted and withdrawn ones, and assigned ones (pending, signed for, an adjustment requested), plus a few of
 * the previous session for similarity and unit suggestions. Does nothing when the committee has proposals.
 */
export async function seedDemoProposals(deps: AppDependencies, orgId: string): Promise<void> {
  const orm = deps.database.orm;
  const [{ total }] = await orm.select({ total: count() }).from(proposals).where(eq(proposals.orgId, orgId));
  if (total > 0) return;
  const actors = await demoActors(deps, orgId);
  const actor = (username: string) => {
    const found = actors.get(username);
    if (!found) throw new Error(`demo account ${username} missing`);
    return found;
  };
  const office = actor('office');
  const categories = await orm
    .select({
      id: dictionaryEntries.id,
      name: dictionaryEntries.name,
      kind: dictionaryEntries.kind,
      code: dictionaryEntries.code,
    })
    .from(dictionaryEntries)
    .where(and(eq(dictionaryEntries.orgId, orgId), inArray(dictionaryEntries.kind, ['proposal_category', 'rejection_reason'])));
  const categoryId = (name: string) =>
    categories.find((row) => row.kind === 'proposal_category' && row.name === name)?.id ?? null;
  const reasonId = (code: string) => categories.find((row) => row.kind === 'rejection_reason' && row.code === code)?.id;
  const sessionRows = await orm.select().from(sessions).where(eq(sessions.orgId, orgId)).orderBy(asc(sessions.number));
  const current = sessionRows.find((row) => row.isCurrent) ?? sessionRows[sessionRows.length - 1];
  const previous = sessionRows.filter((row) => row.number < current.number).pop();
  const unitRows = await orm.select({ id: units.id, code: units.code }).from(units).where(eq(units.orgId, orgId));
  const unitIds = (codes: string[]) => codes.flatMap((code) => unitRows.filter((row) => row.code === code).map((row) => row.id));

  const draft = async (username: string, text: DemoProposalText, sessionId = current.id) =>
    createProposal(
      deps,
      actor(username),
      {
        sessionId,
        title: text.title,
        background: text.background,
        suggestions: text.suggestions,
        categoryId: categoryId(text.category),
        keywords: text.keywords,
        agreesToPublish: true,
        publicationRefusalReason: null,
      },
      seedContext,
    );
  const submit = async (username: string, proposal: Proposal) =>
    submitProposal(deps, actor(username), proposal.id, proposal.version, seedContext);
  const file = async (proposal: Proposal) => fileProposal(deps, office, proposal.id, proposal.version, {}, seedContext);
  const [t] = [demoProposalTexts];
  const today = businessDate(deps.now(), 'Asia/Shanghai');

  // The previous session: filed and assigned proposals, the history that unit suggestions learn from.
  const history: { proposal: Proposal; units: string[] }[] = [];
  if (previous) {
    for (const [index, text] of [t[0], t[2], t[4], t[7]].entries()) {
      const username = `member${(index % 5) + 1}`;
      const filed = await file(await submit(username, await draft(username, text, previous.id)));
      history.push({ proposal: filed, units: text.units });
    }
  }

  // A joint proposal with two accepted co-signers, filed; member1 leads.
  let joint = await draft('member1', t[0]);
  joint = await inviteCoSigners(
    deps,
    actor('member1'),
    joint.id,
    joint.version,
    {
      memberIds: [actor('member2').memberId, actor('member3').memberId].filter((id): id is string => id !== null),
      deadline: addDays(today, 7),
    },
    seedContext,
  );
  joint = await actOnCoSigner(deps, actor('member2'), joint.id, actor('member2').memberId ?? '', 'accept', seedContext);
  joint = await actOnCoSigner(deps, actor('member3'), joint.id, actor('member3').memberId ?? '', 'accept', seedContext);
  joint = await file(await submit('member1', joint));

  // Filed proposals, some to be assigned below.
  const filed: { proposal: Proposal; units: string[] }[] = [{ proposal: joint, units: t[0].units }];
  for (const [index, text] of [t[1], t[2], t[3], t[4], t[5], t[6], t[9]].entries()) {
    const username = `member${(index % 5) + 1}`;
    filed.push({ proposal: await file(await submit(username, await draft(username, text))), units: text.units });
  }
  // A supplement on a filed proposal.
  await addSupplement(
    deps,
    actor('member1'),
    filed[1].proposal.id,
    '补充：据市教育局2026年抽样调查，家长对课后服务的满意度为78%，其中对课程丰富程度的满意度最低。',
    seedContext,
  );

  // Merged: a near-duplicate of the joint proposal (加装电梯) merged into it.
  const duplicate = await submit('member4', await draft('member4', t[12]));
  await mergeProposal(
    deps,
    office,
    duplicate.id,
    duplicate.version,
    { targetId: joint.id, reason: '与第一提案人提案同为老旧小区加装电梯，合并办理' },
    seedContext,
  );

  // Rejected: product promotion.
  const promotion = await submit('member5', await draft('member5', t[15]));
  const promotionReason = reasonId('product_promotion');
  if (promotionReason) {
    await rejectProposal(
      deps,
      office,
      promotion.id,
      promotion.version,
      { reasonCodeId: promotionReason, reason: '内容为推介本单位产品，不符合提案立案标准。' },
      seedContext,
    );
  }

  // Converted to an opinion report with the proposer's consent.
  const training = await submit('member3', await draft('member3', t[13]));
  await convertProposal(
    deps,
    office,
    training.id,
    training.version,
    {
      to: 'opinion_report',
      consent: { given: true, note: '已电话征得提案人同意' },
      reason: '所反映问题更适合以社情民意信息形式报送',
    },
    seedContext,
  );

  // Returned for revision, waiting for the member.
  const charging = await submit('member2', await draft('member2', t[14]));
  await returnProposal(
    deps,
    office,
    charging.id,
    charging.version,
    '请补充本市电动自行车火灾的具体数据，并将建议细化到责任部门。',
    seedContext,
  );

  // Waiting for review (submitted), a withdrawn one, a draft and one collecting co-signatures.
  await submit('member3', await draft('member3', t[10]));
  await submit('member4', await draft('member4', t[11]));
  const withdrawn = await submit('member5', await draft('member5', t[8]));
  await withdrawProposal(deps, actor('member5'), withdrawn.id, withdrawn.version, '拟修改完善后再提交', seedContext);
  await draft('member1', t[8]);
  const collecting = await draft('member2', t[7]);
  await inviteCoSigners(
    deps,
    actor('member2'),
    collecting.id,
    collecting.version,
    {
      memberIds: [actor('member1').memberId, actor('member4').memberId].filter((id): id is string => id !== null),
      deadline: addDays(today, 10),
    },
    seedContext,
  );

  const unitHandler = (unitId: string) =>
    [...actors.values()].find((candidate) => candidate.unitId === unitId && candidate.roles.includes('unit_handler'));
  const assigner: DemoAssigner = { deps, office, actor, unitIds, unitHandler, context: seedContext };
  await seedDemoAssignments(assigner, { history, filed: filed.slice(0, 6) });
}
