import type { ApiApp, AppDependencies } from '../../platform/module.ts';

/** Routes of assignment: assign, batches, the units' inbox, sign-for and adjustments. (Being written.) */
export function assignmentRoutes(_app: ApiApp, _deps: AppDependencies): void {}
