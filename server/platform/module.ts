import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import type { SessionAuthority } from './auth/session-authority.ts';
import type { FieldCipher } from './crypto/field-cipher.ts';
import type { Database } from './db/database.ts';
import type { JobHandler, ScheduledScan } from './jobs/job-types.ts';

/** What every module and action gets: configuration, the database, the field cipher and the clock. */
export type AppDependencies = {
  config: Config;
  database: Database;
  cipher: FieldCipher;
  /** The current instant; tests replace it to move time. */
  now: () => Date;
};

/** The Fastify instance routes are written against: Zod schemas give typed request and reply. */
export type ApiApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** Seeds demo data into an empty database. */
export type DemoSeeder = (dependencies: AppDependencies) => Promise<void>;

/** What a domain module contributes to the app. Every module has the same shape. */
export type AppModule = {
  name: string;
  /** Registers the module's routes; they are mounted under /api/v1. */
  routes?: (app: ApiApp, dependencies: AppDependencies) => void | Promise<void>;
  /** Handlers of background jobs by job type. */
  jobs?: Record<string, JobHandler>;
  /** Scans that run on a schedule (cron syntax, tenant time zone). */
  schedules?: ScheduledScan[];
  /** Deletes the module's expired rows; the platform's daily purge job calls it. */
  purgeExpired?: (dependencies: AppDependencies) => Promise<void>;
  /** Resolves login sessions for the platform's authentication hook (the auth module provides it). */
  sessions?: SessionAuthority;
};
