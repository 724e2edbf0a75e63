import { and, eq } from 'drizzle-orm';
import type { AppDependencies } from '../../platform/module.ts';
import { demoActors } from '../proposals/proposals.seed.ts';
import { proposals } from '../proposals/proposals.tables.ts';
import { grantAward } from './actions/grant-award.ts';

/** Seeds last year's awards: the handling demo's 价格监测 proposal as excellent, its unit as a model unit. */
export async function seedDemoAwards(deps: AppDependencies, orgId: string, year: number): Promise<void> {
  const actors = await demoActors(deps, orgId);
  const office = actors.get('office');
  const handler = actors.get('unit1');
  const [proposal] = await deps.database.orm
    .select({ id: proposals.id })
    .from(proposals)
    .where(and(eq(proposals.orgId, orgId), eq(proposals.title, '关于完善价格监测预警机制的建议')));
  if (!office || !handler?.unitId || !proposal) return;
  const context = { ip: null, requestId: 'demo-seed' };
  await grantAward(
    deps,
    office,
    {
      year,
      kind: 'excellent_proposal',
      proposalId: proposal.id,
      citation: '问题抓得准、建议可操作，推动建立了价格异常波动预警机制。',
    },
    context,
  );
  await grantAward(
    deps,
    office,
    { year, kind: 'model_unit', unitId: handler.unitId, citation: '办理态度端正，沟通充分，答复质量高。' },
    context,
  );
}
