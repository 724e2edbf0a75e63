import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { pack as createPack } from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { call, createProposalCommittee, draftBody, TODAY } from '../../modules/proposals/proposals.test-support.ts';
import { createTestApp, openTestDatabase, type TestApp } from '../../test/test-app.ts';
import { createDependencies } from '../dependencies.ts';
import { backupDatabase } from './backup.ts';
import { writeBackup } from './backup-archive.ts';
import type { Database } from './database.ts';
import { sendMaintenanceCommand, startMaintenanceSocket } from './maintenance-socket.ts';
import { BackupFileError, readBackupKind, restoreBackup } from './restore-backup.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n');
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** A multipart/form-data body with one file, for app.inject. */
async function multipart(content: Buffer, name: string) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(content)]), name);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return { payload: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get('content-type') ?? '' };
}

/** The number of committees in a database: 0 means nothing was restored. */
async function committeeCount(database: Database): Promise<number> {
  const result = await database.pool.query<{ count: number }>('select count(*)::int as count from organizations');
  return result.rows[0].count;
}

/** Builds a gzipped tar from entries, for archives a backup would never contain. */
async function tarGz(entries: { name: string; content: Buffer }[]): Promise<Buffer> {
  const archive = createPack();
  for (const entry of entries) archive.entry({ name: entry.name }, entry.content);
  archive.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of archive) chunks.push(Buffer.from(chunk as Uint8Array));
  return gzipSync(Buffer.concat(chunks));
}

describe('backup archive: the database and the attachment files in one file', () => {
  let source: TestApp;
  let committee: Awaited<ReturnType<typeof createProposalCommittee>>;
  let proposalId: string;
  const attachments: { id: string; content: Buffer }[] = [];
  const folder = mkdtempSync(join(tmpdir(), 'cppcc-archive-'));
  const sourceDir = join(folder, 'source-data');
  const archiveFile = join(folder, 'backups', 'full.backup.tar.gz');
  const opened: Database[] = [];
  const apps: FastifyInstance[] = [];
  /** The machine the first test restores on; later tests restore over it (each fresh database costs seconds). */
  let restored: { database: Database; dataDir: string };
  /** A machine that must stay empty: the refused restores share it. */
  let empty: { database: Database; dataDir: string };

  /** An empty database and data directory: a fresh machine to restore on. */
  async function freshMachine(name: string) {
    const database = await openTestDatabase();
    opened.push(database);
    const dataDir = join(folder, name);
    mkdirSync(dataDir, { recursive: true });
    return { database, dataDir };
  }

  /** The app of the source's configuration on another database and data directory, at the test clock. */
  async function appOn(database: Database, dataDir: string) {
    const app = await buildApp(
      createDependencies({ ...source.dependencies.config, dataDir }, database, () => TODAY),
      {
        serveWeb: false,
      },
    );
    apps.push(app);
    return app;
  }

  /** Downloads an attachment of the draft as its author. */
  const download = (app: FastifyInstance, attachmentId: string) =>
    app.inject({
      method: 'GET',
      url: `/api/v1/proposals/${proposalId}/attachments/${attachmentId}`,
      headers: committee.as('lead'),
    });

  beforeAll(async () => {
    source = await createTestApp({ dataDir: sourceDir });
    source.setNow(TODAY);
    committee = await createProposalCommittee(source.dependencies);
    const created = await call(source, 'POST', '/proposals', committee.as('lead'), draftBody());
    proposalId = created.json().id;
    for (const [content, name] of [
      [PDF, '调研报告.pdf'],
      [PNG, '现场照片.png'],
    ] as const) {
      const body = await multipart(content, name);
      const response = await source.app.inject({
        method: 'POST',
        url: `/api/v1/proposals/${proposalId}/attachments`,
        headers: { ...committee.as('lead'), 'content-type': body.contentType },
        payload: body.payload,
      });
      expect(response.statusCode, response.body).toBe(201);
      attachments.push({ id: response.json().id, content });
    }
  });
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
    await Promise.all(opened.map((database) => database.close()));
    await source.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('restores database and files on an empty machine: the download returns the same bytes', async () => {
    const manifest = await writeBackup(source.dependencies.database, { dataDir: sourceDir, file: archiveFile });
    expect(manifest.files).toEqual({ count: 2, bytes: PDF.length + PNG.length });
    expect(readdirSync(join(folder, 'backups'))).toEqual(['full.backup.tar.gz']); // no partial files left
    expect(await readBackupKind(archiveFile)).toBe('archive');

    restored = await freshMachine('restored-data');
    const target = restored;
    const result = await restoreBackup(target.database, { dataDir: target.dataDir, file: archiveFile });
    expect(result).toMatchObject({ kind: 'archive', files: { count: 2 } });
    expect(result.rows).toBe(manifest.database.tables.reduce((sum, table) => sum + table.rows, 0));
    expect(readdirSync(target.dataDir).sort()).toEqual(['files']); // the staging folder is gone
    const app = await appOn(target.database, target.dataDir);
    for (const attachment of attachments) {
      const response = await download(app, attachment.id);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.rawPayload.equals(attachment.content)).toBe(true);
    }
  });

  it('replaces the files of a data directory with exactly those of the backup', async () => {
    const target = restored;
    const stray = join(target.dataDir, 'files', 'proposals', 'stray-file');
    writeFileSync(stray, 'not in the backup');
    await expect(restoreBackup(target.database, { dataDir: target.dataDir, file: archiveFile })).rejects.toThrow('已有数据');
    expect(existsSync(stray)).toBe(true); // a refused restore changes nothing
    await restoreBackup(target.database, { dataDir: target.dataDir, file: archiveFile, replace: true });
    expect(existsSync(stray)).toBe(false);
    const response = await download(await appOn(target.database, target.dataDir), attachments[0].id);
    expect(response.rawPayload.equals(attachments[0].content)).toBe(true);
  });

  it('sets the audit checkpoints of the replaced database aside (kept beside), and only when the restore succeeds', async () => {
    const target = restored;
    const checkpoints = join(target.dataDir, 'audit-checkpoints');
    mkdirSync(checkpoints, { recursive: true });
    writeFileSync(join(checkpoints, 'org.jsonl'), '{"sequence":99}\n');
    await expect(
      restoreBackup(target.database, { dataDir: target.dataDir, file: archiveFile, staleFolders: [checkpoints] }),
    ).rejects.toThrow('已有数据');
    expect(existsSync(join(checkpoints, 'org.jsonl'))).toBe(true);
    const result = await restoreBackup(target.database, {
      dataDir: target.dataDir,
      file: archiveFile,
      replace: true,
      staleFolders: [checkpoints],
    });
    expect(existsSync(checkpoints)).toBe(false);
    expect(result.setAside).toHaveLength(1);
    expect(result.setAside?.[0]).toMatch(/audit-checkpoints\.before-restore-/);
    expect(readFileSync(join(result.setAside?.[0] ?? '', 'org.jsonl'), 'utf8')).toContain('"sequence":99');
  });

  it('keeps restoring a database-only backup (older releases, pre-upgrade) and leaves the files alone', async () => {
    const databaseOnly = join(folder, 'database-only.backup.gz');
    const header = await backupDatabase(source.dependencies.database, databaseOnly);
    expect(await readBackupKind(databaseOnly)).toBe('database');
    const target = await freshMachine('database-only-data');
    mkdirSync(join(target.dataDir, 'files'));
    writeFileSync(join(target.dataDir, 'files', 'kept'), 'kept');
    const result = await restoreBackup(target.database, { dataDir: target.dataDir, file: databaseOnly });
    expect(result).toEqual({
      kind: 'database',
      rows: header.tables.reduce((sum, table) => sum + table.rows, 0),
      files: null,
      setAside: [],
    });
    expect(readFileSync(join(target.dataDir, 'files', 'kept'), 'utf8')).toBe('kept');
  });

  it('refuses an archive with an entry the file store could not have written, and restores nothing', async () => {
    const dump = join(folder, 'dump.backup.gz');
    await backupDatabase(source.dependencies.database, dump);
    empty = await freshMachine('empty-data');
    const target = empty;
    for (const name of ['files/../../escaped', '../escaped', 'files/Proposals/UPPER', 'other.txt']) {
      const file = join(folder, 'crafted.backup.tar.gz');
      writeFileSync(
        file,
        await tarGz([
          { name: 'database.backup.gz', content: readFileSync(dump) },
          { name, content: Buffer.from('x') },
          { name: 'manifest.json', content: Buffer.from('{"format":"cppcc-backup-archive","files":{"count":1,"bytes":1}}') },
        ]),
      );
      const restoring = restoreBackup(target.database, { dataDir: target.dataDir, file });
      await expect(restoring).rejects.toThrow(BackupFileError);
      await expect(restoring).rejects.toThrow('无法识别');
    }
    expect(await committeeCount(target.database)).toBe(0);
    expect(existsSync(join(folder, 'escaped'))).toBe(false);
    expect(readdirSync(target.dataDir)).toEqual([]);
  });

  it('leaves database and files untouched when the archive is cut short', async () => {
    const target = empty;
    const cut = join(folder, 'cut.backup.tar.gz');
    const bytes = readFileSync(archiveFile);
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.8)));
    await expect(restoreBackup(target.database, { dataDir: target.dataDir, file: cut })).rejects.toThrow(BackupFileError);
    expect(await committeeCount(target.database)).toBe(0);
    expect(readdirSync(target.dataDir)).toEqual([]);
    await expect(
      restoreBackup(target.database, { dataDir: target.dataDir, file: join(folder, 'dump.backup.gz.missing') }),
    ).rejects.toThrow();
    writeFileSync(join(folder, 'not-a-backup.txt'), 'hello');
    await expect(readBackupKind(join(folder, 'not-a-backup.txt'))).rejects.toThrow('不是数字政协的备份文件');
  });

  it('backs up and restores through the running server’s maintenance socket', async () => {
    const target = restored;
    mkdirSync(join(target.dataDir, 'run'), { mode: 0o700 });
    const socket = await startMaintenanceSocket(target.dataDir, target.database);
    try {
      const file = join(folder, 'socket.backup.tar.gz');
      const manifest = await sendMaintenanceCommand(target.dataDir, { command: 'backup', file });
      expect(manifest).toMatchObject({ format: 'cppcc-backup-archive', files: { count: 2 } });
      rmSync(join(target.dataDir, 'files'), { recursive: true }); // the files are lost
      await expect(sendMaintenanceCommand(target.dataDir, { command: 'restore', file, replace: false })).rejects.toThrow(
        '已有数据',
      );
      const result = await sendMaintenanceCommand(target.dataDir, { command: 'restore', file, replace: true });
      expect(result).toMatchObject({ kind: 'archive', files: { count: 2 } });
      const app = await appOn(target.database, target.dataDir);
      for (const attachment of attachments) {
        expect((await download(app, attachment.id)).rawPayload.equals(attachment.content)).toBe(true);
      }
    } finally {
      socket.close();
    }
  });
});
