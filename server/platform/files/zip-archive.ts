import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

/**
 * A ZIP archive read from its central directory (the index at its end), without unpacking anything: enough to know
 * what each entry will unpack to before any of it is unpacked. Office files (.xlsx, .docx) are ZIP archives.
 */

/** One file inside an archive, as the central directory describes it. */
export type ZipEntry = {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  /** What the entry says it unpacks to; `unpackEntry` refuses to give more (or less). */
  uncompressedSize: number;
  /** Where the entry's local header starts. */
  localHeaderOffset: number;
};

/** Why an archive cannot be read; the caller turns it into its own message. */
export class ZipError extends Error {
  constructor(
    readonly reason: 'not_zip' | 'unsupported' | 'damaged' | 'too_many_entries',
    message: string,
  ) {
    super(message);
    this.name = 'ZipError';
  }
}

const END_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const END_RECORD_BYTES = 22;
const CENTRAL_HEADER_BYTES = 46;
const LOCAL_HEADER_BYTES = 30;
/** Compressed input handed to the inflater at a time: a deflate stream unpacks at most ~1032× its size. */
const INPUT_SLICE_BYTES = 4 * 1024;
const OUTPUT_CHUNK_BYTES = 64 * 1024;

/** The end-of-central-directory record: the last signature whose comment length fits the bytes after it. */
function findEndRecord(buffer: Buffer): number {
  const earliest = Math.max(0, buffer.length - END_RECORD_BYTES - 0xffff);
  for (let at = buffer.length - END_RECORD_BYTES; at >= earliest; at -= 1) {
    if (buffer.readUInt32LE(at) === END_SIGNATURE && at + END_RECORD_BYTES + buffer.readUInt16LE(at + 20) <= buffer.length) {
      return at;
    }
  }
  throw new ZipError('not_zip', 'no end of central directory');
}

/**
 * The entries of a ZIP archive held in memory, from its central directory. Refuses multi-part and ZIP64 archives,
 * encrypted entries, methods other than stored and deflated, entries that point outside the file, and more than
 * `maxEntries` entries.
 */
export function listZipEntries(buffer: Buffer, options: { maxEntries?: number } = {}): ZipEntry[] {
  if (buffer.length < END_RECORD_BYTES) throw new ZipError('not_zip', 'too short');
  const end = findEndRecord(buffer);
  const count = buffer.readUInt16LE(end + 10);
  const directorySize = buffer.readUInt32LE(end + 12);
  const directoryOffset = buffer.readUInt32LE(end + 16);
  if (buffer.readUInt16LE(end + 4) !== 0 || buffer.readUInt16LE(end + 8) !== count) {
    throw new ZipError('unsupported', 'multi-part archive');
  }
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    throw new ZipError('unsupported', 'ZIP64 archive');
  }
  if (count > (options.maxEntries ?? 10_000)) throw new ZipError('too_many_entries', `${count} entries`);
  if (directoryOffset + directorySize > end) throw new ZipError('damaged', 'central directory outside the file');
  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let index = 0; index < count; index += 1) {
    if (at + CENTRAL_HEADER_BYTES > end || buffer.readUInt32LE(at) !== CENTRAL_SIGNATURE) {
      throw new ZipError('damaged', `central directory entry ${index}`);
    }
    const flags = buffer.readUInt16LE(at + 8);
    const method = buffer.readUInt16LE(at + 10);
    const nameLength = buffer.readUInt16LE(at + 28);
    const skip = nameLength + buffer.readUInt16LE(at + 30) + buffer.readUInt16LE(at + 32);
    const entry: ZipEntry = {
      name: buffer.toString('utf8', at + CENTRAL_HEADER_BYTES, at + CENTRAL_HEADER_BYTES + nameLength),
      method,
      compressedSize: buffer.readUInt32LE(at + 20),
      uncompressedSize: buffer.readUInt32LE(at + 24),
      localHeaderOffset: buffer.readUInt32LE(at + 42),
    };
    if (flags & 0x1) throw new ZipError('unsupported', `encrypted entry ${entry.name}`);
    if (method !== 0 && method !== 8) throw new ZipError('unsupported', `method ${method} of ${entry.name}`);
    if (entry.compressedSize === 0xffffffff || entry.uncompressedSize === 0xffffffff) {
      throw new ZipError('unsupported', 'ZIP64 entry');
    }
    if (method === 0 && entry.compressedSize !== entry.uncompressedSize) {
      throw new ZipError('damaged', `stored entry ${entry.name} with two sizes`);
    }
    entries.push(entry);
    at += CENTRAL_HEADER_BYTES + skip;
  }
  return entries;
}

/** Where an entry's packed bytes start, from its local header (whose name and extra field may differ in length). */
function dataOffset(buffer: Buffer, entry: ZipEntry): number {
  const at = entry.localHeaderOffset;
  if (at + LOCAL_HEADER_BYTES > buffer.length || buffer.readUInt32LE(at) !== LOCAL_SIGNATURE) {
    throw new ZipError('damaged', `local header of ${entry.name}`);
  }
  const start = at + LOCAL_HEADER_BYTES + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28);
  if (start + entry.compressedSize > buffer.length) throw new ZipError('damaged', `data of ${entry.name} outside the file`);
  return start;
}

/** The packed bytes in small slices, so that the inflater's output waits for its reader (bounded memory). */
function* slices(data: Buffer): Generator<Buffer> {
  for (let at = 0; at < data.length; at += INPUT_SLICE_BYTES) yield data.subarray(at, at + INPUT_SLICE_BYTES);
}

/**
 * The unpacked bytes of an entry, chunk by chunk (zlib works off the event loop). Stops with a ZipError as soon as
 * the entry unpacks to more than its central directory said, or ends short of it: the declared sizes, which the
 * caller checked against its limits, are then the true ones.
 */
export async function* unpackEntry(buffer: Buffer, entry: ZipEntry): AsyncGenerator<Buffer> {
  const start = dataOffset(buffer, entry);
  const packed = buffer.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) {
    yield* slices(packed);
    return;
  }
  const inflater = createInflateRaw({ chunkSize: OUTPUT_CHUNK_BYTES });
  const source = Readable.from(slices(packed), { objectMode: false });
  source.on('error', (error) => inflater.destroy(error));
  source.pipe(inflater);
  let total = 0;
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > entry.uncompressedSize) {
        throw new ZipError('damaged', `${entry.name} unpacks to more than its declared ${entry.uncompressedSize} bytes`);
      }
      yield chunk;
    }
  } catch (error) {
    if (error instanceof ZipError) throw error;
    throw new ZipError('damaged', `${entry.name}: ${(error as Error).message}`);
  } finally {
    source.destroy();
    inflater.destroy();
  }
  if (total !== entry.uncompressedSize) {
    throw new ZipError('damaged', `${entry.name} unpacks to ${total} bytes, not the declared ${entry.uncompressedSize}`);
  }
}

/**
 * A local header of a stored (unpacked) entry of known size: a ZIP stream of such entries is read by any
 * streaming unzipper without inflating anything or guessing where an entry ends.
 */
export function storedEntryHeader(name: string, size: number): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  const header = Buffer.alloc(LOCAL_HEADER_BYTES + nameBytes.length);
  header.writeUInt32LE(LOCAL_SIGNATURE, 0);
  header.writeUInt16LE(20, 4); // version needed: 2.0
  header.writeUInt16LE(0x0800, 6); // names in UTF-8
  header.writeUInt16LE(0, 8); // stored
  header.writeUInt32LE(size, 18);
  header.writeUInt32LE(size, 22);
  header.writeUInt16LE(nameBytes.length, 26);
  nameBytes.copy(header, LOCAL_HEADER_BYTES);
  return header;
}

/** An empty end-of-central-directory record: tells a streaming unzipper that no entry follows. */
export function endOfEntries(): Buffer {
  const record = Buffer.alloc(END_RECORD_BYTES);
  record.writeUInt32LE(END_SIGNATURE, 0);
  return record;
}
