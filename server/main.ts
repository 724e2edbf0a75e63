import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { seedDemoIfEmpty } from './modules/demo-seed.ts';
import { modules } from './modules/index.ts';
import { scheduledBackupModule } from './platform/db/backup-schedule.ts';
import { openDatabase } from './platform/db/database.ts';
import { startMaintenanceSocket } from './platform/db/maintenance-socket.ts';
import { migrateOnStart } from './platform/db/migrate-on-start.ts';
import { createDependencies } from './platform/dependencies.ts';
import { startJobRunner } from './platform/jobs/job-runner.ts';

/**
 * Start: config → database → migrations (after a backup when an embedded database is upgraded) → demo data → app →
 * jobs (with scheduled backups in embedded mode) → listen; graceful shutdown on signals.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    relaxedDurability: config.relaxedDurability,
  });
  await migrateOnStart(database, { dataDir: config.dataDir, log: (message) => console.log(message) });
  const dependencies = createDependencies(config, database);
  const demoAccounts = config.seedDemo ? await seedDemoIfEmpty(dependencies) : null;
  const app = await buildApp(dependencies);
  const scheduledBackups = database.kind === 'pglite' && config.backupRetention > 0;
  const jobModules = scheduledBackups ? [...modules, scheduledBackupModule(config)] : modules;
  const jobRunner = startJobRunner(dependencies, { modules: jobModules, logger: app.log });
  const maintenance =
    database.kind === 'pglite'
      ? await startMaintenanceSocket(config.dataDir, database, { staleFolders: [config.auditCheckpointDir] })
      : null;

  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    app.log.info({ signal }, '正在关闭：等待进行中的请求完成');
    const forced = setTimeout(() => {
      app.log.error('关闭超时，强制退出');
      process.exit(1);
    }, config.shutdownGraceSeconds * 1000);
    forced.unref();
    const started = Date.now();
    const phase = async (name: string, step: () => Promise<void> | void) => {
      const at = Date.now();
      await step();
      app.log.info({ phase: name, ms: Date.now() - at }, '关闭步骤完成');
    };
    await phase('maintenance', () => {
      maintenance?.close();
    });
    await phase('jobs', () => jobRunner.stop());
    await phase('http', () => app.close()); // stops accepting, waits for in-flight requests
    await phase('database', () => database.close()); // the embedded database checkpoints and releases its lock
    app.log.info({ ms: Date.now() - started }, '已关闭');
    clearTimeout(forced);
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const address = await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${new URL(address).port}`;
  const lines = [
    '',
    `数字政协 已启动：${url}`,
    `  数据库：${database.kind === 'pglite' ? `嵌入式 PGlite（${config.dataDir}）` : 'PostgreSQL 服务器'}`,
    `  接口文档：${url}/api/docs`,
  ];
  if (scheduledBackups) {
    lines.push(
      `  定时备份：${config.backupSchedule}（cron），保留最近 ${config.backupRetention} 份，位于 ${config.dataDir}/backups`,
    );
  }
  if (demoAccounts) {
    lines.push('  演示账户（密码均为 Demo@2026）：');
    for (const account of demoAccounts) lines.push(`    ${account.username.padEnd(12)} ${account.description}`);
  }
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
