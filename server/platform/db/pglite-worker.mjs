// @ts-check
/**
 * The embedded PostgreSQL (PGlite) runs in this worker thread so that a heavy query never blocks the app's
 * event loop. It serves the ordinary PostgreSQL wire protocol on a Unix socket, so the app talks to it through
 * the same `pg` driver it uses for a PostgreSQL server: one code path for both modes.
 *
 * Plain JavaScript on purpose: a worker thread does not inherit the TypeScript loader on Node 20
 * (docs/decisions/0002-embedded-database.md).
 *
 * workerData: { dataDir: string | undefined, socketPath: string, relaxedDurability: boolean }
 * messages out: { type: 'ready' } | { type: 'error', message } | { type: 'closed' }; in: { type: 'close' }
 */
import { fsyncSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * PGlite's default start parameters with `-F` (fsync off) removed unless relaxed durability was asked for. The WAL
 * is synced with fsync(): PGlite's fdatasync() is an empty stub, while fsync() reaches the file system below.
 */
function startParameters(/** @type {boolean} */ relaxed) {
  /** @type {string[]} */
  const defaults = /** @type {any} */ (PGlite).defaultStartParams;
  return relaxed ? defaults : [...defaults.filter((parameter) => parameter !== '-F'), '-c', 'wal_sync_method=fsync'];
}

/**
 * PGlite's Node file system with a real fsync. Emscripten's NODEFS has no fsync operation, so PostgreSQL's
 * fsync calls did nothing; here they call fsync(2) on the underlying file, which makes a commit durable on disk
 * (measured in bench/embedded-durability.ts; see docs/decisions/0002-embedded-database.md).
 */
class DurableNodeFS extends NodeFS {
  /** @param {any} pg @param {any} options */
  async init(pg, options) {
    const result = await super.init(pg, options);
    const preRun = result.emscriptenOpts.preRun ?? [];
    result.emscriptenOpts.preRun = [
      ...preRun,
      (/** @type {any} */ module) => {
        module.FS.filesystems.NODEFS.stream_ops.fsync = (/** @type {{ nfd?: number }} */ stream) => {
          if (typeof stream.nfd === 'number') fsyncSync(stream.nfd);
          return 0;
        };
      },
    ];
    return result;
  }
}

async function main() {
  const options = workerData;
  const database = await PGlite.create({
    fs: options.dataDir && !options.relaxedDurability ? new DurableNodeFS(options.dataDir) : undefined,
    dataDir: options.dataDir && options.relaxedDurability ? options.dataDir : undefined,
    startParams: startParameters(options.relaxedDurability),
    relaxedDurability: options.relaxedDurability,
  });
  // The app's pool holds ONE connection: PGlite is a single session, and the socket multiplexer would interleave
  // the extended-protocol messages of different clients outside explicit transactions. The second slot only
  // covers the moment when a discarded connection is still closing while its replacement connects.
  const server = new PGLiteSocketServer({ db: database, path: options.socketPath, maxConnections: 2 });
  await server.start();
  parentPort?.postMessage({ type: 'ready' });

  parentPort?.on('message', async (message) => {
    if (message?.type !== 'close') return;
    await server.stop();
    await database.close();
    parentPort?.postMessage({ type: 'closed' });
  });
}

main().catch((error) => {
  parentPort?.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
});
