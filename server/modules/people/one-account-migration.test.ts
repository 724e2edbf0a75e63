/**
 * The migration behind "a member links to at most one active account" must not stop the start-up of a database
 * released before the rule that already holds two active accounts for one member: there it leaves the index out
 * (the account actions enforce the rule alone); on a clean database it creates the index.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/database.ts';
import { createOrganization, createUser } from '../../test/fixtures.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { members } from './people.tables.ts';

const INDEX = 'users_member_active_unique';

/** The statement of the committed migrations that creates the index (found by name, whatever its file is called). */
function indexStatement(): string {
  const folder = fileURLToPath(new URL('../../migrations/', import.meta.url));
  const statements = readdirSync(folder)
    .filter((name) => name.endsWith('.sql'))
    .flatMap((name) => readFileSync(`${folder}${name}`, 'utf8').split('--> statement-breakpoint'))
    .filter((statement) => statement.includes(`"${INDEX}"`));
  expect(statements).toHaveLength(1);
  return statements[0];
}

describe('the one-account-per-member migration', () => {
  let test: TestApp;
  let database: Database;
  const indexExists = async () =>
    (await database.pool.query('select 1 from pg_indexes where indexname = $1', [INDEX])).rows.length === 1;

  beforeAll(async () => {
    test = await createTestApp();
    database = test.dependencies.database;
  });
  afterAll(async () => test.close());

  it('leaves the index out on a database with two active accounts for one member, without failing', async () => {
    expect(await indexExists()).toBe(true);
    await database.pool.query(`drop index ${INDEX}`);
    const organization = await createOrganization(test.dependencies);
    const [member] = await database.orm
      .insert(members)
      .values({ orgId: organization.id, name: '吴十一' })
      .returning({ id: members.id });
    await createUser(test.dependencies, { orgId: organization.id, roles: ['member'], memberId: member.id });
    await createUser(test.dependencies, { orgId: organization.id, roles: ['member'], memberId: member.id });

    await expect(database.pool.query(indexStatement())).resolves.toBeDefined();
    expect(await indexExists()).toBe(false);

    await database.pool.query(
      "update users set state = 'disabled' where member_id = $1 and username = (select min(username) from users where member_id = $1)",
      [member.id],
    );
    await database.pool.query(indexStatement());
    expect(await indexExists()).toBe(true);
  });
});
