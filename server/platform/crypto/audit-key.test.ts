import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { AUDIT_KEY_FILE, loadOrCreateAuditKey } from './audit-key.ts';
import { keyedDigest, keyFingerprint } from './hashing.ts';

describe('audit key', () => {
  const folder = mkdtempSync(join(tmpdir(), 'cppcc-audit-key-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('is generated once into DATA_DIR, owner-only, and read back on every start', () => {
    const dataDir = join(folder, 'generated');
    const key = loadOrCreateAuditKey(dataDir);
    expect(key.length).toBeGreaterThanOrEqual(32);
    expect(statSync(join(dataDir, AUDIT_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(loadOrCreateAuditKey(dataDir)).toBe(key);
    expect(readFileSync(join(dataDir, AUDIT_KEY_FILE), 'utf8').trim()).toBe(key);
  });

  it('refuses a damaged key file with a readable error instead of using a weak key', () => {
    const dataDir = join(folder, 'damaged');
    loadOrCreateAuditKey(dataDir);
    writeFileSync(join(dataDir, AUDIT_KEY_FILE), 'short\n');
    expect(() => loadOrCreateAuditKey(dataDir)).toThrow(/审计密钥文件/);
  });

  it('comes from AUDIT_KEY when set, which must be at least 32 characters; the checkpoint folder defaults to DATA_DIR', () => {
    const dataDir = join(folder, 'configured');
    const base = { SESSION_SECRET: 'x'.repeat(32), DATA_DIR: dataDir };
    const config = loadConfig({ ...base, AUDIT_KEY: 'k'.repeat(40), AUDIT_HASH: 'sm3' });
    expect(config.auditHash).toEqual({ algorithm: 'sm3', key: 'k'.repeat(40) });
    expect(config.auditCheckpointDir).toBe(join(dataDir, 'audit-checkpoints'));
    expect(() => statSync(join(dataDir, AUDIT_KEY_FILE))).toThrow();
    expect(() => loadConfig({ ...base, AUDIT_KEY: 'too short' })).toThrow(/AUDIT_KEY/);
    expect(loadConfig({ ...base, AUDIT_CHECKPOINT_DIR: '/srv/witness' }).auditCheckpointDir).toBe('/srv/witness');
  });

  it('gives SM3-HMAC and HMAC-SHA256, and a fingerprint that changes with the key', () => {
    expect(keyedDigest('sm3', 'k'.repeat(32), 'text')).toMatch(/^[0-9a-f]{64}$/);
    expect(keyedDigest('sm3', 'k'.repeat(32), 'text')).not.toBe(keyedDigest('sha256', 'k'.repeat(32), 'text'));
    expect(keyFingerprint('a'.repeat(32))).toMatch(/^[0-9a-f]{16}$/);
    expect(keyFingerprint('a'.repeat(32))).not.toBe(keyFingerprint('b'.repeat(32)));
  });
});
