import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { assertVersionMatched, expectedVersion } from './concurrency.ts';
import { Problem } from './problem.ts';

/** A request carrying only the headers the helper reads. */
const requestWith = (ifMatch?: string) =>
  ({ headers: ifMatch === undefined ? {} : { 'if-match': ifMatch } }) as unknown as FastifyRequest;

/** The version, or the status and code of the Problem thrown. */
function read(ifMatch: string | undefined, bodyVersion?: number): number | string {
  try {
    return expectedVersion(requestWith(ifMatch), bodyVersion);
  } catch (error) {
    if (error instanceof Problem) return `${error.status} ${error.code}`;
    throw error;
  }
}

describe('expectedVersion', () => {
  const cases: { ifMatch: string | undefined; body?: number; expected: number | string }[] = [
    { ifMatch: '"3"', expected: 3 },
    { ifMatch: 'W/"3"', expected: 3 },
    { ifMatch: '3', expected: 3 },
    { ifMatch: '  "12"  ', expected: 12 },
    { ifMatch: '"0"', expected: 0 },
    { ifMatch: '"7"', body: 2, expected: 7 }, // the header wins over the body
    { ifMatch: undefined, body: 5, expected: 5 },
    { ifMatch: '', body: 5, expected: 5 },
    { ifMatch: '   ', body: 4, expected: 4 },
    { ifMatch: undefined, expected: '428 version_required' },
    { ifMatch: '', expected: '428 version_required' },
    { ifMatch: '*', expected: '400 bad_if_match' },
    { ifMatch: '"abc"', expected: '400 bad_if_match' },
    { ifMatch: '"-1"', expected: '400 bad_if_match' },
    { ifMatch: '"3.5"', expected: '400 bad_if_match' },
    { ifMatch: '"3", "4"', expected: '400 bad_if_match' },
    { ifMatch: 'w/"3"', expected: '400 bad_if_match' },
    // Past a PostgreSQL integer: refused as bad input, never a 500 from the database.
    { ifMatch: '"99999999999999999999"', expected: '400 bad_if_match' },
  ];
  it.each(cases)('If-Match $ifMatch, body $body → $expected', ({ ifMatch, body, expected }) => {
    expect(read(ifMatch, body)).toBe(expected);
  });

  it('says in Chinese why the version is needed', () => {
    try {
      expectedVersion(requestWith(), undefined);
      expect.unreachable();
    } catch (error) {
      expect((error as Problem).detail).toContain('版本号');
    }
  });
});

describe('assertVersionMatched', () => {
  it('passes when the update matched a row', () => {
    expect(() => assertVersionMatched(1)).not.toThrow();
  });

  it('throws 409 version_conflict naming the record when nothing matched', () => {
    try {
      assertVersionMatched(0, '提案');
      expect.unreachable();
    } catch (error) {
      const problem = error as Problem;
      expect(problem.status).toBe(409);
      expect(problem.code).toBe('version_conflict');
      expect(problem.detail).toBe('提案已被他人修改，请刷新后重试');
    }
  });

  it('uses a generic name by default', () => {
    expect(() => assertVersionMatched(0)).toThrow('记录已被他人修改');
  });
});
