import type { AdminRoute } from '../admin/admin-routes.tsx';

/** The proposal screens of members (my proposals, writing, co-signing inbox) and the proposal detail. (Being written.) */
export const proposalScreens: AdminRoute[] = [];
