import { timingSafeEqual } from 'node:crypto';
import { mkdir, open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { type AuditHashing, canonicalJson, keyedDigest, keyFingerprint } from '../crypto/hashing.ts';

/** The format tag on every checkpoint line, so a downloaded file says what it is. */
export const CHECKPOINT_FORMAT = 'cppcc-audit-checkpoint/1';

const checkpointSchema = z.object({
  format: z.literal(CHECKPOINT_FORMAT),
  orgId: z.string(),
  /** The chain position sealed, and the hash the row there had. */
  sequence: z.number().int().positive(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  /** True when the sealed row is of the unkeyed v0.2.0 format: rows of that format are accepted up to here. */
  legacy: z.boolean(),
  writtenAt: z.string(),
  algorithm: z.enum(['sha256', 'sm3']),
  /** Fingerprint of the key that signed the line. */
  keyId: z.string(),
  /** HMAC over every other field, under the audit key. */
  signature: z.string(),
});

/** A signed statement, kept outside the database, that a committee's chain had `hash` at `sequence`. */
export type Checkpoint = z.infer<typeof checkpointSchema>;

/** One line of a checkpoint file: the checkpoint, or null when the line is not one (damaged or forged). */
export type CheckpointLine = { line: number; checkpoint: Checkpoint | null };

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The checkpoint file of a committee: one JSON line per checkpoint, appended, never rewritten. */
export function checkpointFilePath(directory: string, orgId: string): string {
  if (!uuidPattern.test(orgId)) throw new Error(`not a committee id: ${orgId}`);
  return join(directory, `${orgId}.jsonl`);
}

/** The signature of a checkpoint's fields. */
function signatureOf(fields: Omit<Checkpoint, 'signature'>, key: string): string {
  return keyedDigest(fields.algorithm, key, canonicalJson(fields));
}

/** Signs a checkpoint of the chain head (or legacy head) with the audit key. */
export function signCheckpoint(
  hashing: AuditHashing,
  fields: { orgId: string; sequence: number; hash: string; legacy: boolean; writtenAt: Date },
): Checkpoint {
  const unsigned = {
    format: CHECKPOINT_FORMAT,
    orgId: fields.orgId,
    sequence: fields.sequence,
    hash: fields.hash,
    legacy: fields.legacy,
    writtenAt: fields.writtenAt.toISOString(),
    algorithm: hashing.algorithm,
    keyId: keyFingerprint(hashing.key),
  } as const;
  return { ...unsigned, signature: signatureOf(unsigned, hashing.key) };
}

/** True when the checkpoint's signature was made with this key over exactly these fields. */
export function checkpointSignatureValid(checkpoint: Checkpoint, key: string): boolean {
  const { signature, ...fields } = checkpoint;
  const expected = Buffer.from(signatureOf(fields, key), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Parses a checkpoint file's text; blank lines are skipped, anything else that is not a checkpoint is kept as null. */
export function parseCheckpoints(text: string): CheckpointLine[] {
  const lines: CheckpointLine[] = [];
  text.split('\n').forEach((raw, index) => {
    if (raw.trim() === '') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      parsed = null;
    }
    const checked = checkpointSchema.safeParse(parsed);
    lines.push({ line: index + 1, checkpoint: checked.success ? checked.data : null });
  });
  return lines;
}

/** The text of a committee's checkpoint file, or null when none was written yet. */
export async function readCheckpointText(directory: string, orgId: string): Promise<string | null> {
  try {
    return await readFile(checkpointFilePath(directory, orgId), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Every line of a committee's checkpoint file (none when there is no file). */
export async function readCheckpoints(directory: string, orgId: string): Promise<CheckpointLine[]> {
  const text = await readCheckpointText(directory, orgId);
  return text === null ? [] : parseCheckpoints(text);
}

/**
 * Appends one checkpoint as one line in one write (O_APPEND, owner-only), flushed to disk before returning, so
 * nodes sharing a local folder never interleave lines and a crash never loses an acknowledged checkpoint.
 */
export async function appendCheckpoint(directory: string, checkpoint: Checkpoint): Promise<void> {
  await mkdir(directory, { recursive: true, mode: 0o700 });
  const file = await open(checkpointFilePath(directory, checkpoint.orgId), 'a', 0o600);
  try {
    await file.write(`${JSON.stringify(checkpoint)}\n`);
    await file.datasync();
  } finally {
    await file.close();
  }
}
