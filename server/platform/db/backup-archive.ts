import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { pack as createPack, type Pack } from 'tar-stream';
import { type BackupHeader, backupDatabase } from './backup.ts';
import type { Database } from './database.ts';

/** Entries of a backup archive (a gzipped tar that `tar -xzf` also opens). */
export const ARCHIVE_ENTRIES = {
  /** The database dump in the database-only backup format (backup.ts), unchanged. */
  database: 'database.backup.gz',
  /** Every file of the file store, under its storage key. */
  filesPrefix: 'files/',
  /** Written last: what the archive holds, so a restore can tell a complete archive from a cut one. */
  manifest: 'manifest.json',
} as const;

/** The manifest of a backup archive. */
export type ArchiveManifest = {
  format: 'cppcc-backup-archive';
  formatVersion: 1;
  createdAt: string;
  database: BackupHeader;
  files: { count: number; bytes: number };
};

/** The folder of the file store inside a data directory (platform/files/file-store.ts keeps its files there). */
export function fileStoreFolder(dataDir: string): string {
  return join(dataDir, 'files');
}

type StoredFile = { key: string; path: string; size: number; mtime: Date };

/** Every finished file under the store's folder with its key; the store's in-progress `.partial` writes are left out. */
async function listStoredFiles(root: string, prefix = ''): Promise<StoredFile[]> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(root, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const found: StoredFile[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(root, entry.name);
    const key = `${prefix}${entry.name}`;
    if (entry.isDirectory()) found.push(...(await listStoredFiles(path, `${key}/`)));
    else if (entry.isFile() && !entry.name.endsWith('.partial')) {
      const info = await stat(path);
      found.push({ key, path, size: info.size, mtime: info.mtime });
    }
  }
  return found;
}

/** Adds one file to the archive from disk, streaming its bytes. */
function addFile(archive: Pack, name: string, path: string, size: number, mtime: Date): Promise<void> {
  return new Promise((resolve, reject) => {
    const entry = archive.entry({ name, size, mtime, mode: 0o600 }, (error) => (error ? reject(error) : resolve()));
    const source = createReadStream(path);
    source.on('error', (error) => {
      entry.destroy(error);
      reject(error);
    });
    source.pipe(entry);
  });
}

/**
 * Writes one archive file holding the database (a consistent dump, see backupDatabase) and every file of the file
 * store. The database is read first: a file uploaded while the files are copied is then only an unused extra,
 * never a row without its bytes. The archive is written under a `.partial` name and renamed when complete, so a
 * file with the final name is always whole.
 */
export async function writeBackup(database: Database, options: { dataDir: string; file: string }): Promise<ArchiveManifest> {
  const { file } = options;
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const partial = `${file}.partial`;
  const databaseDump = `${file}.database.partial`;
  try {
    const header = await backupDatabase(database, databaseDump);
    const dumpInfo = await stat(databaseDump);
    const files = await listStoredFiles(fileStoreFolder(options.dataDir));
    const archive = createPack();
    const written = pipeline(archive, createGzip(), createWriteStream(partial, { mode: 0o600 }));
    // A failed write (disk full) must stop the loop below instead of leaving it waiting for a drained entry.
    const writeFailed = written.then(
      () => new Promise<never>(() => {}),
      (error: unknown) => Promise.reject(error),
    );
    writeFailed.catch(() => {});
    const manifest: ArchiveManifest = {
      format: 'cppcc-backup-archive',
      formatVersion: 1,
      createdAt: header.createdAt,
      database: header,
      files: { count: 0, bytes: 0 },
    };
    try {
      const add = (name: string, path: string, size: number, mtime: Date) =>
        Promise.race([addFile(archive, name, path, size, mtime), writeFailed]);
      await add(ARCHIVE_ENTRIES.database, databaseDump, dumpInfo.size, dumpInfo.mtime);
      for (const stored of files) {
        await add(`${ARCHIVE_ENTRIES.filesPrefix}${stored.key}`, stored.path, stored.size, stored.mtime);
        manifest.files.count += 1;
        manifest.files.bytes += stored.size;
      }
      archive.entry({ name: ARCHIVE_ENTRIES.manifest, mode: 0o600 }, `${JSON.stringify(manifest, null, 2)}\n`);
      archive.finalize();
    } catch (error) {
      archive.destroy(error as Error);
      await written.catch(() => {});
      throw error;
    }
    await written;
    await rename(partial, file);
    return manifest;
  } finally {
    await rm(partial, { force: true });
    await rm(databaseDump, { force: true });
  }
}
