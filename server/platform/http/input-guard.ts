import type { FastifyInstance, FastifyRequest } from 'fastify';
import { badRequest, type Problem } from './problem.ts';

/**
 * Refuses the NUL character (U+0000) anywhere in a request's text: PostgreSQL cannot store it in `text` (the query
 * fails, which was a 500) and no field of this product has a use for it. One hook for every route, so a new route
 * cannot forget it: the path and query string at `onRequest` (before authentication, rate limits or any lookup reads
 * them), the parsed JSON body at `preValidation` (before the route's schema and handler). A contract-level string type
 * was the other choice: every schema would have to use it (a plain `z.string()` in a new contract reopens the hole),
 * and it would not cover a path without a route or input read before validation.
 */

const NUL = '\u0000';

/** Names of the request parts, as the validation messages name them. */
const partNames = { params: '路径参数', querystring: '查询参数', body: '请求体' } as const;

/** The path (`items.0.title`) of the first string or key holding a NUL within a value, or null when there is none. */
export function findNulCharacter(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') return value.includes(NUL) ? path.join('.') || '(整体)' : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findNulCharacter(item, [...path, String(index)]);
      if (found !== null) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object' && !ArrayBuffer.isView(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes(NUL)) return [...path, key.replaceAll(NUL, '\\0')].join('.');
      const found = findNulCharacter(item, [...path, key]);
      if (found !== null) return found;
    }
  }
  return null;
}

/** The 400 for a NUL in one part of the request, naming the field. */
function nulProblem(part: keyof typeof partNames, field: string): Problem {
  const message = '不能含有空字符（U+0000）';
  return badRequest(`${partNames[part]} ${field} ${message}`, [{ field, message }], 'nul_character');
}

/** The problem for a NUL in the path or query string of a request, or null when they are clean. */
function urlProblem(request: FastifyRequest): Problem | null {
  // A wildcard (`*`: the web app, an unknown path) is no named parameter: the URL check below names it.
  const { '*': _wildcard, ...params } = (request.params ?? {}) as Record<string, unknown>;
  for (const [part, value] of [
    ['params', params],
    ['querystring', request.query],
  ] as const) {
    const found = findNulCharacter(value);
    if (found !== null) return nulProblem(part, found);
  }
  // Also anything the parsers did not decode.
  if (/%00/i.test(request.url) || request.url.includes(NUL)) {
    return badRequest('请求地址不能含有空字符（U+0000）', undefined, 'nul_character');
  }
  return null;
}

/** Installs the NUL guard on the whole app; register it before authentication and the routes. */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    const problem = urlProblem(request);
    if (problem) throw problem;
  });
  app.addHook('preValidation', async (request) => {
    const found = findNulCharacter(request.body);
    if (found !== null) throw nulProblem('body', found);
  });
}
