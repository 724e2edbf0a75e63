import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';

/**
 * Where uploaded files live. Metadata stays in the database; the bytes go to a store that every app node can
 * reach (a shared disk here; an S3-compatible store implements the same three calls).
 */
export type FileStore = {
  /** Writes the bytes under the key, replacing nothing half-written (the write is atomic). */
  put(key: string, content: Buffer): Promise<void>;
  /** A stream of the bytes under the key; throws FileNotFoundError when there are none. */
  get(key: string): Promise<Readable>;
  /** Deletes the bytes under the key; a missing key is not an error. */
  remove(key: string): Promise<void>;
  /** True when bytes exist under the key. */
  exists(key: string): Promise<boolean>;
};

/** Thrown by `get` when the key holds nothing. */
export class FileNotFoundError extends Error {
  constructor(key: string) {
    super(`file not found: ${key}`);
    this.name = 'FileNotFoundError';
  }
}

/** Keys are slash-separated ids (UUIDs or lowercase words): never a user's file name, never `..`. */
const KEY_PATTERN = /^[a-z0-9-]{1,64}(\/[a-z0-9-]{1,64}){0,7}$/;

/** The storage key of a file, built from ids only. */
export function storageKey(...segments: string[]): string {
  const key = segments.map((segment) => segment.toLowerCase()).join('/');
  checkKey(key);
  return key;
}

/** Refuses a key that could leave the store's folder or carry a user-chosen name. */
function checkKey(key: string): void {
  if (!KEY_PATTERN.test(key)) throw new Error(`invalid storage key: ${key}`);
}

/** A store on the local (or a shared, mounted) disk under `root`: folders 0700, files 0600. */
export function createDiskFileStore(root: string): FileStore {
  const base = resolve(root);
  const pathOf = (key: string) => {
    checkKey(key);
    const path = join(base, ...key.split('/'));
    if (!path.startsWith(`${base}/`)) throw new Error(`invalid storage key: ${key}`);
    return path;
  };
  return {
    async put(key, content) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true, mode: 0o700 });
      const temporary = `${path}.${randomBytes(6).toString('hex')}.partial`;
      try {
        await writeFile(temporary, content, { mode: 0o600, flag: 'wx', flush: true });
        await rename(temporary, path);
      } catch (error) {
        await unlink(temporary).catch(() => undefined);
        throw error;
      }
    },
    async get(key) {
      try {
        const handle = await open(pathOf(key), 'r');
        return handle.createReadStream();
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new FileNotFoundError(key);
        throw error;
      }
    },
    async remove(key) {
      try {
        await unlink(pathOf(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    },
    async exists(key) {
      try {
        const handle = await open(pathOf(key), 'r');
        await handle.close();
        return true;
      } catch {
        return false;
      }
    },
  };
}

const stores = new Map<string, FileStore>();

/** The file store of a data directory: `<dataDir>/files/`, one instance per directory. */
export function fileStoreFor(config: { dataDir: string }): FileStore {
  const root = join(config.dataDir, 'files');
  let store = stores.get(root);
  if (!store) {
    store = createDiskFileStore(root);
    stores.set(root, store);
  }
  return store;
}
