import { join } from 'node:path';

/** Where backups go by default: `DATA_DIR/backups`. */
export function backupFolder(dataDir: string): string {
  return join(dataDir, 'backups');
}

/** An instant as a sortable UTC stamp for file names: 20261207-023000Z. */
export function backupStamp(instant: Date): string {
  return `${instant.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)}Z`;
}

/** The name of a backup made by `npm run backup`: the database and the attachment files in one archive. */
export function manualBackupName(instant: Date): string {
  return `cppcc-${backupStamp(instant)}.backup.tar.gz`;
}

/** The name of a backup written by the scheduled job; only these are pruned by the retention rule. */
export function scheduledBackupName(instant: Date): string {
  return `cppcc-scheduled-${backupStamp(instant)}.backup.tar.gz`;
}

/**
 * The name of the database backup taken before start-up applies new migrations. It is a database-only backup in
 * the format every release reads, so the previous release can restore it after a rollback (files are not touched
 * by a migration).
 */
export function preUpgradeBackupName(instant: Date, fromMigration: string | null): string {
  const from = (fromMigration ?? 'unknown').replace(/[^A-Za-z0-9_-]/g, '_');
  return `cppcc-before-upgrade-${backupStamp(instant)}-from-${from}.backup.gz`;
}

const SCHEDULED_PATTERN = /^cppcc-scheduled-\d{8}-\d{6}Z\.backup\.tar\.gz$/;

/**
 * The retention rule: of the scheduled backups among `fileNames`, keep the newest `keep` and return the others
 * (oldest last). Other files (manual and pre-upgrade backups, unfinished `.partial` files) are never pruned; a
 * `keep` below 1 prunes nothing (scheduled backups are off).
 */
export function scheduledBackupsToPrune(fileNames: readonly string[], keep: number): string[] {
  if (!Number.isInteger(keep) || keep < 1) return [];
  const scheduled = fileNames.filter((name) => SCHEDULED_PATTERN.test(name)).sort((a, b) => b.localeCompare(a));
  return scheduled.slice(keep);
}
