import type { Config } from '../config.ts';
import { createFieldCipher } from './crypto/field-cipher.ts';
import type { Database } from './db/database.ts';
import type { AppDependencies } from './module.ts';

/** Assembles what modules and actions need from the configuration and an open database. */
export function createDependencies(config: Config, database: Database, now: () => Date = () => new Date()): AppDependencies {
  return { config, database, cipher: createFieldCipher(config.sessionSecret, config.fieldCipher), now };
}
