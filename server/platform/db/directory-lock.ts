import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** Raised when another live process holds the data directory. */
export class DirectoryLockedError extends Error {
  constructor(
    readonly directory: string,
    readonly holderPid: number,
  ) {
    super(`数据目录 ${directory} 正被另一个进程 (PID ${holderPid}) 使用。请先停止该进程，或为本进程设置另一个 DATA_DIR。`);
    this.name = 'DirectoryLockedError';
  }
}

/** Directories this process has locked; a lock file naming our own PID is ours only if listed here. */
const heldHere = new Set<string>();

/**
 * True when the PID belongs to a live Node.js process. PIDs are reused (a restarted container often gets the
 * same low PID), so a live process that is not Node, or our own PID without our own lock, is a stale holder.
 */
function holderIsAlive(pid: number, directory: string): boolean {
  if (pid === process.pid) return heldHere.has(directory);
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('node');
  } catch {
    return true; // no /proc (not Linux): trust the signal check
  }
}

/**
 * Takes an exclusive lock on a directory with a lock file created atomically (O_EXCL) that holds our PID.
 * A lock left by a dead process is taken over; one held by a live process is an error and nothing is touched.
 * Returns the function that releases it.
 */
export function lockDirectory(directory: string): () => void {
  const lockFile = join(directory, 'postmaster.lock');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const descriptor = openSync(lockFile, 'wx', 0o600);
      writeSync(descriptor, String(process.pid));
      closeSync(descriptor);
      heldHere.add(directory);
      return () => {
        heldHere.delete(directory);
        rmSync(lockFile, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(readFileSync(lockFile, 'utf8'), 10);
      if (Number.isInteger(holder) && holderIsAlive(holder, directory)) {
        throw new DirectoryLockedError(directory, holder);
      }
      rmSync(lockFile, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`无法锁定数据目录 ${directory}`);
}
