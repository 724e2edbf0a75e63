/**
 * `npm run create-admin -- --org-code X [--org-name Y --level city] --username Z [--display-name 名字]`
 * Creates a system administrator in the committee with code X (creating the committee with its default
 * dictionaries when it does not exist) and prints the generated password once; it must be changed at first
 * login. Refuses a username in use. Never asks anything: safe in provisioning scripts.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { organizationCodeSchema, organizationLevelSchema } from '../contracts/orgs.ts';
import { usernameSchema } from '../contracts/people.ts';
import { loadConfig } from '../server/config.ts';
import { type AdministratorRequest, createAdministrator } from '../server/modules/people/actions/create-administrator.ts';
import { openDatabase } from '../server/platform/db/database.ts';
import { migrateOnStart } from '../server/platform/db/migrate-on-start.ts';
import { createDependencies } from '../server/platform/dependencies.ts';
import { Problem } from '../server/platform/http/problem.ts';

z.config(z.locales.zhCN());

const argumentsSchema = z.object({
  orgCode: organizationCodeSchema,
  orgName: z.string().trim().min(1).max(100).optional(),
  level: organizationLevelSchema.default('city'),
  username: usernameSchema,
  displayName: z.string().trim().min(1).max(50).optional(),
});

const usage =
  'npm run create-admin -- --org-code <代码> [--org-name <名称> --level national|province|city|county] --username <用户名> [--display-name <姓名>]';

/** The command line as a request, or the Chinese reasons it is not one. */
export function parseCommandLine(argv: string[]): { request: AdministratorRequest } | { problems: string[] } {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        'org-code': { type: 'string' },
        'org-name': { type: 'string' },
        level: { type: 'string' },
        username: { type: 'string' },
        'display-name': { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    return { problems: [`参数无法识别：${(error as Error).message}`] };
  }
  const parsed = argumentsSchema.safeParse({
    orgCode: values['org-code'],
    orgName: values['org-name'],
    level: values.level,
    username: values.username,
    displayName: values['display-name'],
  });
  if (!parsed.success) {
    const names: Record<string, string> = {
      orgCode: '--org-code',
      orgName: '--org-name',
      level: '--level',
      username: '--username',
      displayName: '--display-name',
    };
    return {
      problems: parsed.error.issues.map((issue) => `${names[String(issue.path[0])] ?? issue.path.join('.')}：${issue.message}`),
    };
  }
  return { request: parsed.data };
}

async function main(): Promise<number> {
  const parsed = parseCommandLine(process.argv.slice(2));
  if ('problems' in parsed) {
    console.error(`${parsed.problems.join('\n')}\n用法：${usage}`);
    return 2;
  }
  const config = { ...loadConfig(), logLevel: 'silent' as const };
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    relaxedDurability: config.relaxedDurability,
  });
  try {
    await migrateOnStart(database, { dataDir: config.dataDir, log: (message) => console.log(message) });
    const result = await createAdministrator(createDependencies(config, database), parsed.request);
    console.log(
      [
        result.organizationCreated
          ? `已创建政协组织：${parsed.request.orgName}（${parsed.request.orgCode}）`
          : `政协组织：${parsed.request.orgCode}`,
        `已创建系统管理员：${parsed.request.username}`,
        `初始密码（只显示这一次，请妥善转交；首次登录须修改）：${result.password}`,
      ].join('\n'),
    );
    return 0;
  } catch (error) {
    if (error instanceof Problem) {
      console.error(error.detail);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
