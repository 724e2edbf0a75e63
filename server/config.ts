import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

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
  /** Turn off fsync in the embedded database (faster, loses the last commits on power loss). */
  PGLITE_RELAXED_DURABILITY: z.enum(['0', '1']).default('0'),
  /** Rate limits can be raised for load tests; never off by default. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(200),
  LOGIN_RATE_LIMIT: z.coerce.number().int().positive().default(5),
  SEED_DEMO: z.enum(['auto', 'never']).default('auto'),
  NOTIFY_LOG_FILE: z.string().optional(),
  /** How long a graceful shutdown may take before the process exits anyway (seconds). */
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(1).max(600).default(30),
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
  auditHash: 'sha256' | 'sm3';
  relaxedDurability: boolean;
  rateLimitPerMinute: number;
  loginRateLimit: number;
  seedDemo: boolean;
  notifyLogFile: string;
  shutdownGraceSeconds: number;
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
    auditHash: env.AUDIT_HASH,
    relaxedDurability: env.PGLITE_RELAXED_DURABILITY === '1',
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
    loginRateLimit: env.LOGIN_RATE_LIMIT,
    seedDemo: env.SEED_DEMO === 'auto' && env.NODE_ENV !== 'production',
    notifyLogFile: env.NOTIFY_LOG_FILE ?? resolve(dataDir, 'notifications.log'),
    shutdownGraceSeconds: env.SHUTDOWN_GRACE_SECONDS,
  };
}
