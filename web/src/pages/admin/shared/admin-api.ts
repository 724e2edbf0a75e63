/**
 * The admin screens' door to the server: the shell's typed client (CSRF, If-Match, locale, problem+json
 * ApiError, lost-session handling) under the names these screens use.
 */
import { ApiError, api, apiRequest, downloadFile, errorMessage, type QueryValues } from '../../../lib/api.ts';

export { ApiError as AdminApiError, apiRequest, downloadFile, errorMessage, type QueryValues };

/** GET a JSON resource. */
export function apiGet<T>(path: string, query?: QueryValues): Promise<T> {
  return api.get<T>(path, query);
}

/** True when the error is a version conflict (someone else changed the record). */
export function isVersionConflict(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409 && error.code === 'version_conflict';
}
