import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../../config.ts';
import { enqueue } from '../jobs/enqueue.ts';
import type { AppDependencies, AppModule } from '../module.ts';
import { writeBackup } from './backup-archive.ts';
import { backupFolder, scheduledBackupName, scheduledBackupsToPrune } from './backup-names.ts';

/** The job that writes a scheduled backup. */
export const BACKUP_JOB_TYPE = 'platform.backup';

/**
 * Writes a scheduled backup archive (database and files) into `DATA_DIR/backups`, then deletes the scheduled
 * backups beyond the newest `config.backupRetention`. Manual and pre-upgrade backups are never deleted.
 */
export async function writeScheduledBackup(dependencies: AppDependencies): Promise<{ file: string; pruned: string[] }> {
  const { config, database } = dependencies;
  const folder = backupFolder(config.dataDir);
  const file = join(folder, scheduledBackupName(dependencies.now()));
  await writeBackup(database, { dataDir: config.dataDir, file });
  const pruned = scheduledBackupsToPrune(await readdir(folder), config.backupRetention);
  for (const name of pruned) await rm(join(folder, name), { force: true });
  return { file, pruned };
}

/** Enqueues the backup of this schedule slot once, even when the scan runs twice in its minute. */
export async function enqueueScheduledBackup(dependencies: AppDependencies): Promise<string | null> {
  const slot = dependencies.now().toISOString().slice(0, 16);
  return enqueue(dependencies.database.orm, { type: BACKUP_JOB_TYPE, dedupeKey: `${BACKUP_JOB_TYPE}:${slot}`, maxAttempts: 3 });
}

/**
 * Scheduled backups of the embedded database (main.ts adds this module only in embedded mode, and only when
 * `BACKUP_RETENTION` is above 0): a scan on `BACKUP_SCHEDULE` enqueues the backup job.
 */
export function scheduledBackupModule(config: Pick<Config, 'backupSchedule'>): AppModule {
  return {
    name: 'platform-backup',
    jobs: {
      [BACKUP_JOB_TYPE]: async (_job, dependencies) => {
        await writeScheduledBackup(dependencies);
      },
    },
    schedules: [
      {
        name: 'platform.scheduled_backup',
        cron: config.backupSchedule,
        run: (dependencies) => enqueueScheduledBackup(dependencies).then(() => {}),
      },
    ],
  };
}
