import type { AppModule } from '../../platform/module.ts';
import { keyProposalRoutes } from './key-proposals.routes.ts';

/** Key proposals (重点提案): recommendation, selection, supervising leaders and their activities; leaders' instructions. */
export const keyProposalsModule: AppModule = {
  name: 'key-proposals',
  routes: async (app, deps) => keyProposalRoutes(app, deps),
};
