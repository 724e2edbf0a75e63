import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { lockDirectory } from './directory-lock.ts';

type PgliteWorkerData = { dataDir: string | undefined; socketPath: string; relaxedDurability: boolean };
type PgliteWorkerMessage = { type: 'ready' } | { type: 'error'; message: string } | { type: 'closed' };

/** A running embedded PostgreSQL: where to connect and how to stop it. */
export type EmbeddedDatabase = {
  /** Folder holding the socket; `pg` takes it as `host`. */
  socketDirectory: string;
  port: number;
  stop: () => Promise<void>;
};

const SOCKET_PORT = 5432;

/**
 * Starts PGlite in a worker thread serving a Unix socket inside the data directory (owner-only), after taking
 * an exclusive lock on that directory. With no data directory the database lives in memory (tests, evaluation).
 */
export async function startEmbeddedDatabase(options: {
  dataDir?: string;
  relaxedDurability?: boolean;
}): Promise<EmbeddedDatabase> {
  const inMemory = options.dataDir === undefined;
  const socketDirectory = inMemory ? mkdtempSync(join(tmpdir(), 'cppcc-pg-')) : join(options.dataDir!, 'run');
  let releaseLock = () => {};
  if (!inMemory) {
    mkdirSync(options.dataDir!, { recursive: true, mode: 0o700 });
    releaseLock = lockDirectory(options.dataDir!);
    mkdirSync(socketDirectory, { recursive: true, mode: 0o700 });
  }
  chmodSync(socketDirectory, 0o700);
  const socketPath = join(socketDirectory, `.s.PGSQL.${SOCKET_PORT}`);
  if (existsSync(socketPath)) rmSync(socketPath); // left by a crash; we hold the lock, so it is ours

  const data: PgliteWorkerData = {
    dataDir: inMemory ? undefined : join(options.dataDir!, 'pg'),
    socketPath,
    relaxedDurability: options.relaxedDurability ?? false,
  };
  const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), { workerData: data });

  try {
    await new Promise<void>((resolve, reject) => {
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`嵌入式数据库启动失败 (worker exit ${code})`)));
      worker.on('message', (message: PgliteWorkerMessage) => {
        if (message.type === 'ready') resolve();
        if (message.type === 'error') reject(new Error(`嵌入式数据库启动失败：${message.message}`));
      });
    });
  } catch (error) {
    await worker.terminate();
    releaseLock();
    throw error;
  }
  worker.removeAllListeners('exit');
  worker.removeAllListeners('error');
  chmodSync(socketPath, 0o600);

  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= (async () => {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 10_000);
        worker.on('message', (message: PgliteWorkerMessage) => {
          if (message.type === 'closed') {
            clearTimeout(timer);
            resolve();
          }
        });
        worker.postMessage({ type: 'close' });
      });
      await worker.terminate();
      if (inMemory) rmSync(socketDirectory, { recursive: true, force: true });
      releaseLock();
    })();
    return stopped;
  };
  return { socketDirectory, port: SOCKET_PORT, stop };
}
