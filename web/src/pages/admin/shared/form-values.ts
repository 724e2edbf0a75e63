import { AdminApiError } from './admin-api.ts';

/**
 * The fields whose value differs from the record, for a PATCH that changes only what the user changed.
 * Empty strings count as null (a cleared field); undefined values (not in the form) are left out.
 */
export function changedFields<T extends Record<string, unknown>>(record: Partial<T>, values: T): Partial<T> {
  const changes: Partial<T> = {};
  for (const key of Object.keys(values) as (keyof T)[]) {
    const raw = values[key];
    if (raw === undefined) continue;
    const value = raw === '' ? null : raw;
    const before = record[key] === undefined ? null : record[key];
    if (!sameValue(before, value)) changes[key] = value as T[keyof T];
  }
  return changes;
}

function sameValue(left: unknown, right: unknown): boolean {
  if (Array.isArray(left) && Array.isArray(right)) {
    return left.length === right.length && [...left].sort().join('\u0000') === [...right].sort().join('\u0000');
  }
  return left === right;
}

/** The values with empty strings and undefined turned into null (for creating a record). */
export function blanksToNull<T extends Record<string, unknown>>(values: T): T {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) result[key] = value === '' || value === undefined ? null : value;
  return result as T;
}

/**
 * The server's field errors that belong to fields of the form, as antd's setFields wants them
 * (a field "body.name" or "name" goes to `name`). Errors of other fields are left for the page's message.
 */
export function formFieldErrors(error: unknown, fieldNames: readonly string[]): { name: string; errors: string[] }[] {
  if (!(error instanceof AdminApiError)) return [];
  const byField = new Map<string, string[]>();
  for (const item of error.errors) {
    const name = item.field?.replace(/^body\./, '').split('.')[0];
    if (!name || !fieldNames.includes(name)) continue;
    byField.set(name, [...(byField.get(name) ?? []), item.message]);
  }
  return [...byField].map(([name, errors]) => ({ name, errors }));
}
