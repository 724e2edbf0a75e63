import { and, eq } from 'drizzle-orm';
import type { AppDependencies } from '../../platform/module.ts';
import { demoActors } from '../proposals/proposals.seed.ts';
import { proposals } from '../proposals/proposals.tables.ts';
import { decideKeyProposal } from './actions/decide-key-proposal.ts';
import { recommendKeyProposal } from './actions/recommend-key-proposal.ts';
import { recordActivity } from './actions/record-activity.ts';
import { recordInstruction } from './actions/record-instruction.ts';

const seedContext = { ip: null, requestId: 'demo-seed' };

/**
 * Seeds a key proposal through the real actions: the handling demo's 县域商业 proposal, recommended by a party,
 * approved with supervisor1 as its supervising leader, one supervision visit, and a leader's instruction.
 */
export async function seedDemoKeyProposal(deps: AppDependencies, orgId: string, today: string): Promise<void> {
  const actors = await demoActors(deps, orgId);
  const [office, supervisor, leader] = ['office', 'supervisor1', 'leader1'].map((name) => actors.get(name));
  if (!office || !supervisor || !leader) return;
  const [proposal] = await deps.database.orm
    .select({ id: proposals.id })
    .from(proposals)
    .where(and(eq(proposals.orgId, orgId), eq(proposals.title, '关于加快县域商业体系建设的建议')));
  if (!proposal) return;
  const recommended = await recommendKeyProposal(
    deps,
    office,
    {
      proposalId: proposal.id,
      recommenderKind: 'party',
      recommenderName: '民建市委会',
      reason: '事关城乡融合发展和群众消费，涉及多个部门，需领导领衔督办。',
    },
    seedContext,
  );
  const approved = await decideKeyProposal(
    deps,
    office,
    recommended.id,
    recommended.version,
    'approve',
    { supervisorIds: [supervisor.userId] },
    seedContext,
  );
  await recordActivity(
    deps,
    supervisor,
    approved.id,
    {
      kind: 'visit',
      happenedOn: today,
      notes: '带队实地察看乡镇商贸中心改造进展，听取发改、商务部门汇报，要求年内完成 12 个乡镇改造。',
      photoIds: [],
    },
    seedContext,
  );
  await recordInstruction(
    deps,
    leader,
    proposal.id,
    { leaderName: '市政府分管副市长', instructedOn: today, text: '请市发改委牵头，会同市商务局认真研究办理，年内见到实效。' },
    seedContext,
  );
}
