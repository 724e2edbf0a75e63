/** The portal list's query as it lives in the URL (?q=&sessionId=&sort=), read and written by pure functions. */

export type PortalListQuery = { q?: string; sessionId?: string; sort?: 'relevance' | 'newest' };

/** The query of the URL's search part; empty and unknown values are left out. */
export function readPortalQuery(params: URLSearchParams): PortalListQuery {
  const query: PortalListQuery = {};
  const q = params.get('q')?.trim();
  if (q) query.q = q.slice(0, 200);
  const sessionId = params.get('sessionId')?.trim();
  if (sessionId) query.sessionId = sessionId;
  const sort = params.get('sort');
  if (query.q && (sort === 'relevance' || sort === 'newest')) query.sort = sort;
  return query;
}

/** The URL search part of a query (stable order, empty values left out). */
export function writePortalQuery(query: PortalListQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q?.trim()) params.set('q', query.q.trim());
  if (query.sessionId) params.set('sessionId', query.sessionId);
  if (query.q?.trim() && query.sort) params.set('sort', query.sort);
  return params;
}

/** The session whose statistics the portal shows: the chosen one, else the newest with published proposals. */
export function statisticsSession(
  sessions: readonly { id: string; year: number; isCurrent: boolean; publishedCount: number }[],
  chosen: string | undefined,
): string | undefined {
  if (chosen && sessions.some((session) => session.id === chosen)) return chosen;
  const published = [...sessions].filter((session) => session.publishedCount > 0).sort((a, b) => b.year - a.year);
  return published[0]?.id ?? sessions.find((session) => session.isCurrent)?.id ?? sessions[0]?.id;
}
