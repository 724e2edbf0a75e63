import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The file in DATA_DIR that holds the generated audit key when AUDIT_KEY is not set. */
export const AUDIT_KEY_FILE = 'audit-key';

/**
 * Reads the audit chain's key from DATA_DIR/audit-key, creating it (owner-only) on first start. The key stays
 * outside the database, so whoever holds only the database cannot recompute the chain. Written to a temporary
 * file and hard-linked into place, which fails when the file exists: processes starting at once all end up with
 * the one complete key that was linked first.
 */
export function loadOrCreateAuditKey(dataDir: string): string {
  const file = resolve(dataDir, AUDIT_KEY_FILE);
  try {
    return readKey(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temporary, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600 });
  try {
    linkSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(temporary);
  }
  return readKey(file);
}

/** The key in a key file; an empty or short file is a readable start-up error rather than a weak key. */
function readKey(file: string): string {
  const key = readFileSync(file, 'utf8').trim();
  if (key.length < 32) throw new Error(`审计密钥文件 ${file} 内容无效（至少 32 个字符）；请从备份恢复该文件或设置 AUDIT_KEY`);
  return key;
}
