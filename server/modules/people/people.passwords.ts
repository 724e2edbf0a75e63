import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { effectiveSettings, type TenantSettings } from '../../../contracts/settings.ts';
import type { Executor } from '../../platform/db/database.ts';
import { organizations } from '../orgs/orgs.tables.ts';

// Characters people cannot confuse when reading a password aloud or off a slip of paper (no 0/O, 1/l/I).
const classes = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '@#%+=!?*'];

/** A random password with all four character classes, at least `length` characters long. */
export function generatePassword(length = 16): string {
  const size = Math.max(length, 12);
  const characters = classes.map((set) => set[randomInt(set.length)]);
  const all = classes.join('');
  while (characters.length < size) characters.push(all[randomInt(all.length)]);
  for (let index = characters.length - 1; index > 0; index--) {
    const other = randomInt(index + 1);
    [characters[index], characters[other]] = [characters[other], characters[index]];
  }
  return characters.join('');
}

/** The committee's effective security settings. */
export async function loadSecuritySettings(executor: Executor, orgId: string): Promise<TenantSettings['security']> {
  const [row] = await executor
    .select({ settings: organizations.settings })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  return effectiveSettings(row?.settings).security;
}
