import { badRequest } from './problem.ts';

/** An opaque cursor for keyset paging: the sort key of the last row of a page. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/**
 * The sort key in a cursor, checked against the expected types (`'s'` string, `'n'` number); a cursor that
 * does not decode is a 400, never a 500.
 */
export function decodeCursor(cursor: string | undefined, types: readonly ('s' | 'n')[]): (string | number)[] | null {
  if (!cursor) return null;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = null;
  }
  const valid =
    Array.isArray(key) &&
    key.length === types.length &&
    key.every((value, index) =>
      types[index] === 's' ? typeof value === 'string' && value.length <= 100 : Number.isInteger(value),
    );
  if (!valid) throw badRequest('分页游标无效，请从第一页重新查询', [{ field: 'cursor', message: '分页游标无效' }], 'bad_cursor');
  return key as (string | number)[];
}

/** Escapes LIKE wildcards so a search for "50%" finds the text "50%". */
export function likePattern(query: string): string {
  return `%${query.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}
