import type { AppModule } from '../../platform/module.ts';
import { proposalRoutes } from './proposals.routes.ts';

/** Proposals (提案): writing, co-signing, submission and supplements; review and assignment come next. */
export const proposalsModule: AppModule = {
  name: 'proposals',
  routes: proposalRoutes,
};
