import type { AppModule } from '../../platform/module.ts';
import { assignmentRoutes } from './proposals.assignment.routes.ts';
import { attachmentRoutes } from './proposals.attachments.routes.ts';
import { recordRoutes } from './proposals.records.routes.ts';
import { reviewRoutes } from './proposals.review.routes.ts';
import { proposalRoutes } from './proposals.routes.ts';

/** Proposals (提案): writing, co-signing, review, merging, assignment to units, history, documents and export. */
export const proposalsModule: AppModule = {
  name: 'proposals',
  routes: async (app, deps) => {
    // Records first: its static paths (/proposals/export) must not be taken for an id.
    recordRoutes(app, deps);
    reviewRoutes(app, deps);
    assignmentRoutes(app, deps);
    attachmentRoutes(app, deps);
    proposalRoutes(app, deps);
  },
};
