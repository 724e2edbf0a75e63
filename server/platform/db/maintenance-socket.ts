import { chmodSync, existsSync, rmSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { writeBackup } from './backup-archive.ts';
import type { Database } from './database.ts';
import { restoreBackup } from './restore-backup.ts';

/** Path of the owner-only socket on which a running server takes maintenance commands (online backup and restore). */
export function maintenanceSocketPath(dataDir: string): string {
  return join(dataDir, 'run', 'maintenance.sock');
}

/** A command for the running server: write a backup archive, or restore a backup of either kind. */
export type MaintenanceRequest = { command: 'backup'; file: string } | { command: 'restore'; file: string; replace: boolean };
type MaintenanceReply = { ok: true; result: unknown } | { ok: false; error: string };

/** Runs one maintenance command on the server's own database connection. */
function runCommand(
  request: MaintenanceRequest,
  dataDir: string,
  database: Database,
  staleFolders: readonly string[],
): Promise<unknown> {
  if (request.command === 'backup' && typeof request.file === 'string') {
    return writeBackup(database, { dataDir, file: request.file });
  }
  if (request.command === 'restore' && typeof request.file === 'string') {
    return restoreBackup(database, { dataDir, file: request.file, replace: request.replace === true, staleFolders });
  }
  throw new Error('未知的维护命令');
}

/**
 * Lets `npm run backup` and `npm run restore` work on the embedded database while the server holds it: the server
 * runs them on its own connection (requests wait meanwhile). Only the data directory's owner can reach the socket
 * (mode 0600 inside a 0700 folder).
 */
export async function startMaintenanceSocket(
  dataDir: string,
  database: Database,
  options: { staleFolders?: readonly string[] } = {},
): Promise<Server> {
  const path = maintenanceSocketPath(dataDir);
  if (existsSync(path)) rmSync(path); // left by a crash; we hold the directory lock
  const server = createServer((socket) => {
    let buffer = '';
    let answered = false;
    socket.setEncoding('utf8');
    socket.on('data', async (chunk) => {
      buffer += chunk;
      if (answered || !buffer.includes('\n')) return;
      answered = true; // one command per connection
      let reply: MaintenanceReply;
      try {
        const request = JSON.parse(buffer.slice(0, buffer.indexOf('\n'))) as MaintenanceRequest;
        reply = { ok: true, result: await runCommand(request, dataDir, database, options.staleFolders ?? []) };
      } catch (error) {
        reply = { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
      socket.end(`${JSON.stringify(reply)}\n`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => resolve());
  });
  chmodSync(path, 0o600);
  return server;
}

/** Sends a maintenance command to the running server and returns its result. */
export function sendMaintenanceCommand(dataDir: string, request: MaintenanceRequest): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(maintenanceSocketPath(dataDir));
    let buffer = '';
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.write(`${JSON.stringify(request)}\n`));
    socket.on('data', (chunk) => {
      buffer += chunk;
    });
    socket.on('error', reject);
    socket.on('end', () => {
      try {
        const reply = JSON.parse(buffer) as MaintenanceReply;
        if (reply.ok) resolve(reply.result);
        else reject(new Error(reply.error));
      } catch {
        reject(new Error('服务器没有给出有效的答复'));
      }
    });
  });
}
