import { chmodSync, existsSync, rmSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { backupDatabase } from './backup.ts';
import type { Database } from './database.ts';

/** Path of the owner-only socket on which a running server takes maintenance commands (online backup). */
export function maintenanceSocketPath(dataDir: string): string {
  return join(dataDir, 'run', 'maintenance.sock');
}

type MaintenanceRequest = { command: 'backup'; file: string };
type MaintenanceReply = { ok: true; result: unknown } | { ok: false; error: string };

/**
 * Lets `npm run backup` back up the embedded database while the server holds it: the server runs the backup on
 * its own connection. Only the data directory's owner can reach the socket (mode 0600 inside a 0700 folder).
 */
export async function startMaintenanceSocket(dataDir: string, database: Database): Promise<Server> {
  const path = maintenanceSocketPath(dataDir);
  if (existsSync(path)) rmSync(path); // left by a crash; we hold the directory lock
  const server = createServer((socket) => {
    let buffer = '';
    socket.setEncoding('utf8');
    socket.on('data', async (chunk) => {
      buffer += chunk;
      if (!buffer.includes('\n')) return;
      let reply: MaintenanceReply;
      try {
        const request = JSON.parse(buffer.slice(0, buffer.indexOf('\n'))) as MaintenanceRequest;
        if (request.command !== 'backup' || typeof request.file !== 'string') throw new Error('未知的维护命令');
        reply = { ok: true, result: await backupDatabase(database, request.file) };
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
