import type { ApiApp, AppDependencies } from '../../platform/module.ts';

/** Routes of records: history, Word documents, Excel export. (Being written.) */
export function recordRoutes(_app: ApiApp, _deps: AppDependencies): void {}
