import type { ApiApp, AppDependencies } from '../../platform/module.ts';

/** The search routes (filled in by the search service). */
export function searchRoutes(_app: ApiApp, _deps: AppDependencies): void {}
