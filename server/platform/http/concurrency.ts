import type { FastifyRequest } from 'fastify';
import { badRequest, conflict, Problem } from './problem.ts';

/**
 * The version the client last saw, from `If-Match: "3"` (or `W/"3"`), or from the body's `version`.
 * Updates without it are refused with 428, so no client overwrites a change it has not seen.
 */
export function expectedVersion(request: FastifyRequest, bodyVersion?: number): number {
  const header = request.headers['if-match'];
  if (typeof header === 'string' && header.trim() !== '') {
    const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim()); // at most 9 digits: stays a PostgreSQL integer
    if (!match) throw badRequest('If-Match 请求头格式不正确，应为记录的版本号，如 "3"', undefined, 'bad_if_match');
    return Number.parseInt(match[1], 10);
  }
  if (typeof bodyVersion === 'number') return bodyVersion;
  throw new Problem(428, 'version_required', '修改记录时须提供版本号（If-Match 请求头），以免覆盖他人的修改');
}

/** The standard 409 of an update sent with an outdated version. */
export function versionConflict(what = '记录') {
  return conflict(`${what}已被他人修改，请刷新后重试`, 'version_conflict');
}

/** Throws the standard 409 when an update matched no row because the version moved on. */
export function assertVersionMatched(updatedRows: number, what = '记录'): void {
  if (updatedRows === 0) throw versionConflict(what);
}
