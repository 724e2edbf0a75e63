import { customType } from 'drizzle-orm/pg-core';

/** A PostgreSQL `tsvector`, written as its text literal (built by platform/search) and read back as text. */
export const tsvector = customType<{ data: string; driverData: string }>({
  dataType() {
    return 'tsvector';
  },
});

/** A PostgreSQL `bytea`, as a Node Buffer. */
export const bytea = customType<{ data: Buffer; driverData: Buffer }>({
  dataType() {
    return 'bytea';
  },
});
