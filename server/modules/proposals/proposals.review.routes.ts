import type { ApiApp, AppDependencies } from '../../platform/module.ts';

/** Routes of the office's review: file, reject, merge, convert, return, bulk filing. (Being written.) */
export function reviewRoutes(_app: ApiApp, _deps: AppDependencies): void {}
