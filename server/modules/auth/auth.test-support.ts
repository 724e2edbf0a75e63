import { and, eq } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { events } from '../../platform/events/events.tables.ts';
import type { AppDependencies } from '../../platform/module.ts';

/** Logs in through the API, as the web app does. */
export function login(app: FastifyInstance, username: string, password: string, headers: Record<string, string> = {}) {
  return app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, headers });
}

/** The request headers a browser sends after a response that set the session cookies: both cookies and the CSRF header. */
export function headersFrom(response: LightMyRequestResponse): Record<string, string> {
  const sid = response.cookies.find((cookie) => cookie.name === 'sid');
  const csrf = response.cookies.find((cookie) => cookie.name === 'csrf');
  if (!sid || !csrf) throw new Error(`no session cookies in the response (${response.statusCode}: ${response.body})`);
  return { cookie: `sid=${sid.value}; csrf=${csrf.value}`, 'x-csrf-token': csrf.value };
}

/** The events of a committee's chain of one type, oldest first. */
export async function eventsOf(dependencies: AppDependencies, orgId: string, type: string) {
  return dependencies.database.orm
    .select()
    .from(events)
    .where(and(eq(events.orgId, orgId), eq(events.type, type)))
    .orderBy(events.sequence);
}

/** Every event of a committee's chain, serialised, to check that no secret ever reached the log. */
export async function chainText(dependencies: AppDependencies, orgId: string): Promise<string> {
  const rows = await dependencies.database.orm.select().from(events).where(eq(events.orgId, orgId));
  return JSON.stringify(rows);
}
