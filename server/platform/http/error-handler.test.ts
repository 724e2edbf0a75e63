import { sql } from 'drizzle-orm';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/test-app.ts';
import type { Database } from '../db/database.ts';
import { errorLogFields, installErrorHandling } from './error-handler.ts';

type LogLine = Record<string, unknown> & { level: number; msg: string };

/** What a user typed: it must never reach an error-level log line, whichever part of the request carried it. */
const BODY_TEXT = '张委员的身份证号110101199003077777';
const QUERY_TEXT = '秘密搜索词';

describe('the error log of an unexpected error (500)', () => {
  let database: Database;
  let app: FastifyInstance;
  const lines: LogLine[] = [];

  beforeAll(async () => {
    database = await openTestDatabase();
    await database.pool.query('create table error_log_probe (code text constraint error_log_probe_code primary key)');
    app = Fastify({
      logger: { level: 'info', stream: { write: (line: string) => lines.push(JSON.parse(line)) } },
      genReqId: () => crypto.randomUUID(),
    });
    installErrorHandling(app);
    // Real database errors that quote the user's value: a bad cast (in the message) and a duplicate (in the detail),
    // both wrapped by the ORM in an error that lists the query's parameters.
    app.post('/notes/:id/cast', async (request) => {
      await database.orm.execute(sql`select ${(request.body as { text: string }).text}::uuid`);
    });
    app.post('/notes/:id/duplicate', async (request) => {
      const { text } = request.body as { text: string };
      await database.orm.execute(sql`insert into error_log_probe values (${text}), (${text})`);
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it.each([
    ['a bad cast quoting the value', 'cast', '22P02', undefined],
    ['a duplicate key naming the value', 'duplicate', '23505', 'error_log_probe_code'],
  ])('logs %s with request id, route, method, codes and stack, never the text', async (_name, action, code, constraint) => {
    lines.length = 0;
    const response = await app.inject({
      method: 'POST',
      url: `/notes/${encodeURIComponent(BODY_TEXT)}/${action}?q=${encodeURIComponent(QUERY_TEXT)}`,
      payload: { text: BODY_TEXT },
    });
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain(BODY_TEXT);
    const errors = lines.filter((line) => line.level >= 50);
    expect(errors).toHaveLength(1);
    const [line] = errors;
    expect(line).toMatchObject({ msg: 'request failed', method: 'POST', route: `/notes/:id/${action}` });
    expect(line.requestId).toBe(response.json().requestId);
    expect(line.reqId).toBe(response.json().requestId);
    const error = line.error as Record<string, unknown> & { cause: Record<string, unknown> };
    expect(error.type).toBe('DrizzleQueryError');
    expect(error.cause).toMatchObject({ type: 'DatabaseError', code, ...(constraint ? { constraint } : {}) });
    expect((error.stack as string[]).length).toBeGreaterThan(0);
    expect((error.stack as string[]).every((frame) => frame.startsWith('at '))).toBe(true);
    const text = JSON.stringify(errors);
    for (const typed of [BODY_TEXT, QUERY_TEXT, encodeURIComponent(BODY_TEXT), '110101199003077777']) {
      expect(text).not.toContain(typed);
    }
  });

  it('keeps identifiers and stack frames of any error, and drops its message', () => {
    const error = Object.assign(new Error(`invalid input: "${BODY_TEXT}"`), { code: 'E_PROBE', detail: BODY_TEXT });
    const fields = errorLogFields(new Error('wrapped', { cause: error }));
    expect(fields).toMatchObject({ type: 'Error', cause: { type: 'Error', code: 'E_PROBE' } });
    expect(JSON.stringify(fields)).not.toContain(BODY_TEXT);
    expect(JSON.stringify(fields)).not.toContain('wrapped');
    expect(errorLogFields(Object.assign(new Error('x'), { code: `${BODY_TEXT} (not an identifier)` })).code).toBeUndefined();
    expect(errorLogFields('a thrown string')).toEqual({ type: 'string' });
  });
});
