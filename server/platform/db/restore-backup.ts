import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip, gunzipSync, constants as zlibConstants } from 'node:zlib';
import { extract as createExtract } from 'tar-stream';
import { storageKey } from '../files/file-store.ts';
import { restoreDatabase } from './backup.ts';
import { ARCHIVE_ENTRIES, type ArchiveManifest, fileStoreFolder } from './backup-archive.ts';
import type { Database } from './database.ts';

/** A backup file's kind: the archive of `npm run backup` (database and files) or an older database-only backup. */
export type BackupKind = 'archive' | 'database';

/** What a restore put back, and the folders it set aside because they described the replaced database. */
export type RestoreResult = {
  kind: BackupKind;
  rows: number;
  files: { count: number; bytes: number } | null;
  setAside?: string[];
};

/**
 * Renames each existing folder to `<folder>.before-restore-<stamp>`: what it holds (the audit chain's signed
 * checkpoints) describes the database before the restore, and would report the restored, older chain as cut short.
 * The folder is kept beside, not deleted, for the auditor.
 */
async function setAsideFolders(folders: readonly string[]): Promise<string[]> {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const setAside: string[] = [];
  for (const folder of folders) {
    if (!existsSync(folder)) continue;
    const target = `${folder}.before-restore-${stamp}-${randomBytes(3).toString('hex')}`;
    await rename(folder, target);
    setAside.push(target);
  }
  return setAside;
}

/** Thrown for a file that is not a backup or is damaged; the message is for the operator. */
export class BackupFileError extends Error {}

/**
 * Tells the two backup kinds apart from the first bytes: both are gzip; a database-only backup starts with its
 * JSON header line, an archive with a tar header ("ustar" at offset 257).
 */
export async function readBackupKind(file: string): Promise<BackupKind> {
  const handle = await open(file, 'r');
  let head: Buffer;
  try {
    const buffer = Buffer.alloc(16 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    head = gunzipSync(buffer.subarray(0, bytesRead), { finishFlush: zlibConstants.Z_SYNC_FLUSH });
  } catch {
    throw new BackupFileError('不是数字政协的备份文件（无法解压）');
  } finally {
    await handle.close();
  }
  if (head.subarray(0, 24).toString('utf8').startsWith('{"format":"cppcc-backup"')) return 'database';
  if (head.length >= 263 && head.subarray(257, 262).toString('latin1') === 'ustar') return 'archive';
  throw new BackupFileError('不是数字政协的备份文件');
}

/** The storage key of an archive entry under `files/`, or null when the name is not a key the file store could have written. */
function keyOfEntry(name: string): string | null {
  const key = name.slice(ARCHIVE_ENTRIES.filesPrefix.length);
  try {
    return storageKey(...key.split('/')) === key ? key : null;
  } catch {
    return null;
  }
}

/**
 * Unpacks an archive into `staging`: the database dump, the manifest, and the store's files under `files/`.
 * Only those entries, as plain files with names the file store could have written, are accepted; anything else
 * (links, `..`, unknown names) refuses the whole archive. Checks the files against the manifest.
 */
async function unpackArchive(file: string, staging: string): Promise<ArchiveManifest> {
  const archive = createExtract();
  const reading = pipeline(createReadStream(file), createGunzip(), archive);
  reading.catch(() => {});
  const seen = { count: 0, bytes: 0 };
  let hasDatabase = false;
  try {
    for await (const entry of archive) {
      const { name, type, size } = entry.header;
      if (type === 'directory') {
        entry.resume();
        continue;
      }
      let target: string;
      if (type === 'file' && name === ARCHIVE_ENTRIES.database) {
        target = join(staging, ARCHIVE_ENTRIES.database);
        hasDatabase = true;
      } else if (type === 'file' && name === ARCHIVE_ENTRIES.manifest) {
        target = join(staging, ARCHIVE_ENTRIES.manifest);
      } else if (type === 'file' && name.startsWith(ARCHIVE_ENTRIES.filesPrefix) && keyOfEntry(name)) {
        target = join(staging, 'files', ...name.slice(ARCHIVE_ENTRIES.filesPrefix.length).split('/'));
        await mkdir(dirname(target), { recursive: true, mode: 0o700 });
        seen.count += 1;
        seen.bytes += size;
      } else {
        throw new BackupFileError(`备份文件中有无法识别的内容：${name}`);
      }
      await pipeline(entry, createWriteStream(target, { mode: 0o600 }));
    }
    await reading;
  } catch (error) {
    archive.destroy();
    if (error instanceof BackupFileError) throw error;
    throw new BackupFileError(`备份文件已损坏或不完整：${error instanceof Error ? error.message : error}`);
  }
  const manifestPath = join(staging, ARCHIVE_ENTRIES.manifest);
  if (!hasDatabase || !existsSync(manifestPath)) throw new BackupFileError('备份文件不完整：缺少数据库或清单');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as ArchiveManifest;
  if (manifest.format !== 'cppcc-backup-archive') throw new BackupFileError('不是数字政协的备份文件');
  if (manifest.files.count !== seen.count || manifest.files.bytes !== seen.bytes) {
    throw new BackupFileError(`备份文件不完整：应有 ${manifest.files.count} 个附件文件，读到 ${seen.count} 个`);
  }
  return manifest;
}

/** Puts the unpacked files folder in place of the data directory's, by renames on the same disk. */
async function replaceFileStore(dataDir: string, unpacked: string): Promise<void> {
  const target = fileStoreFolder(dataDir);
  const previous = join(dataDir, `.files-replaced-${randomBytes(4).toString('hex')}`);
  const hadPrevious = existsSync(target);
  if (hadPrevious) await rename(target, previous);
  try {
    await rename(unpacked, target);
  } catch (error) {
    if (hadPrevious) await rename(previous, target);
    throw error;
  }
  if (hadPrevious) await rm(previous, { recursive: true, force: true });
}

/**
 * Restores a backup of either kind. An archive puts back the database (in one transaction, see restoreDatabase)
 * and then replaces the file store's folder with the archive's files, so the files are exactly those of the
 * backup; if the database restore fails, the files are untouched. A database-only backup (older releases, the
 * pre-upgrade backup) restores the database and leaves the files as they are.
 */
export async function restoreBackup(
  database: Database,
  options: { dataDir: string; file: string; replace?: boolean; staleFolders?: readonly string[] },
): Promise<RestoreResult> {
  const kind = await readBackupKind(options.file);
  if (kind === 'database') {
    const { rows } = await restoreDatabase(database, options.file, { replace: options.replace });
    return { kind, rows, files: null, setAside: await setAsideFolders(options.staleFolders ?? []) };
  }
  await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
  const staging = await mkdtemp(join(options.dataDir, '.restore-'));
  try {
    const manifest = await unpackArchive(options.file, staging);
    await mkdir(join(staging, 'files'), { recursive: true, mode: 0o700 });
    const { rows } = await restoreDatabase(database, join(staging, ARCHIVE_ENTRIES.database), { replace: options.replace });
    await replaceFileStore(options.dataDir, join(staging, 'files'));
    return { kind, rows, files: manifest.files, setAside: await setAsideFolders(options.staleFolders ?? []) };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
