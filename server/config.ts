import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { Cron } from 'croner';
import { z } from 'zod';
import { loadOrCreateAuditKey } from './platform/crypto/audit-key.ts';
import type { AuditHashing } from './platform/crypto/hashing.ts';

/** True when croner accepts the pattern. */
function isCronPattern(pattern: string): boolean {
  try {
    new Cron(pattern, { paused: true }).stop();
    return true;
  } catch {
    return false;
  }
}

/** The entries of a TRUST_PROXY list. */
function trustedProxies(value: string): string[] {
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
}

/** An IP address, a CIDR (address/prefix) or one of the named ranges Fastify knows (loopback, linklocal, uniquelocal). */
function isProxyAddress(entry: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d{1,3}$/.test(prefix) && bits <= (version === 4 ? 32 : 128);
}

/** Every environment variable the server reads, parsed and checked once. */
const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  SESSION_SECRET: z.string().min(32).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TZ_DEFAULT: z.string().default('Asia/Shanghai'),
  NODE_ENV: z.string().default('development'),
  /** Field encryption algorithm for sensitive personal data. */
  FIELD_CIPHER: z.enum(['aes-256-gcm', 'sm4']).default('aes-256-gcm'),
  /** Hash algorithm for the audit chain. */
  AUDIT_HASH: z.enum(['sha256', 'sm3']).default('sha256'),
  /** HMAC key of the audit chain, kept outside the database (else generated into DATA_DIR/audit-key). */
  AUDIT_KEY: z.string().min(32).optional(),
  /** Folder of the signed audit checkpoints (default DATA_DIR/audit-checkpoints). */
  AUDIT_CHECKPOINT_DIR: z.string().optional(),
  /** Turn off fsync in the embedded database (faster, loses the last commits on power loss). */
  PGLITE_RELAXED_DURABILITY: z.enum(['0', '1']).default('0'),
  /** Rate limits can be raised for load tests; never off by default. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(200),
  LOGIN_RATE_LIMIT: z.coerce.number().int().positive().default(5),
  /** Failed logins one network address may make in LOGIN_ADDRESS_WINDOW_MINUTES before it must wait (a spray's budget). */
  LOGIN_ADDRESS_FAILURE_BUDGET: z.coerce.number().int().min(1).max(100_000).default(100),
  LOGIN_ADDRESS_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  /** Proxies whose X-Forwarded-For is believed: addresses or CIDRs, comma-separated; unset trusts none. */
  TRUST_PROXY: z
    .string()
    .optional()
    .refine((value) => value === undefined || trustedProxies(value).every(isProxyAddress), {
      error: '应为逗号分隔的 IP 地址或 CIDR（如 10.0.0.1,10.1.0.0/16），或 loopback',
    }),
  SEED_DEMO: z.enum(['auto', 'never']).default('auto'),
  NOTIFY_LOG_FILE: z.string().optional(),
  /** How long a graceful shutdown may take before the process exits anyway (seconds). */
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(1).max(600).default(30),
  /** When the embedded database's scheduled backup runs (cron, in TZ_DEFAULT). */
  BACKUP_SCHEDULE: z
    .string()
    .default('30 2 * * *')
    .refine(isCronPattern, { error: '不是有效的 cron 表达式（例如 30 2 * * * 表示每天 2:30）' }),
  /** How many scheduled backups to keep; 0 turns scheduled backups off. */
  BACKUP_RETENTION: z.coerce.number().int().min(0).max(1000).default(14),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  sessionSecret: string;
  logLevel: z.infer<typeof environmentSchema>['LOG_LEVEL'];
  timeZone: string;
  production: boolean;
  fieldCipher: 'aes-256-gcm' | 'sm4';
  /** The audit chain's algorithm and HMAC key. */
  auditHash: AuditHashing;
  /** Where this node appends the signed checkpoints of the audit chains. */
  auditCheckpointDir: string;
  relaxedDurability: boolean;
  rateLimitPerMinute: number;
  loginRateLimit: number;
  /** Failed logins one address may make per window before it must wait, and the window in minutes. */
  loginAddressFailureBudget: number;
  loginAddressWindowMinutes: number;
  /** Proxy addresses/CIDRs whose forwarded headers are trusted; false trusts none (the peer is the client). */
  trustProxy: string[] | false;
  seedDemo: boolean;
  notifyLogFile: string;
  shutdownGraceSeconds: number;
  /** Cron pattern of the embedded database's scheduled backup. */
  backupSchedule: string;
  /** Scheduled backups kept (the newest); 0 means no scheduled backups. */
  backupRetention: number;
};

/** Reads the secret from DATA_DIR, creating it on first start, so restarts keep sessions and encrypted fields readable. */
function loadOrCreateSecret(dataDir: string): string {
  const file = resolve(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** Parses the environment into a Config; throws a readable error naming each bad variable. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`配置错误 (invalid environment):\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  const dataDir = resolve(env.DATA_DIR);
  return {
    port: env.PORT,
    host: env.HOST,
    dataDir,
    databaseUrl: env.DATABASE_URL,
    sessionSecret: env.SESSION_SECRET ?? loadOrCreateSecret(dataDir),
    logLevel: env.LOG_LEVEL,
    timeZone: env.TZ_DEFAULT,
    production: env.NODE_ENV === 'production',
    fieldCipher: env.FIELD_CIPHER,
    auditHash: { algorithm: env.AUDIT_HASH, key: env.AUDIT_KEY ?? loadOrCreateAuditKey(dataDir) },
    auditCheckpointDir: resolve(env.AUDIT_CHECKPOINT_DIR ?? resolve(dataDir, 'audit-checkpoints')),
    relaxedDurability: env.PGLITE_RELAXED_DURABILITY === '1',
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
    loginRateLimit: env.LOGIN_RATE_LIMIT,
    loginAddressFailureBudget: env.LOGIN_ADDRESS_FAILURE_BUDGET,
    loginAddressWindowMinutes: env.LOGIN_ADDRESS_WINDOW_MINUTES,
    trustProxy: env.TRUST_PROXY && trustedProxies(env.TRUST_PROXY).length > 0 ? trustedProxies(env.TRUST_PROXY) : false,
    seedDemo: env.SEED_DEMO === 'auto' && env.NODE_ENV !== 'production',
    notifyLogFile: env.NOTIFY_LOG_FILE ?? resolve(dataDir, 'notifications.log'),
    shutdownGraceSeconds: env.SHUTDOWN_GRACE_SECONDS,
    backupSchedule: env.BACKUP_SCHEDULE,
    backupRetention: env.BACKUP_RETENTION,
  };
}
