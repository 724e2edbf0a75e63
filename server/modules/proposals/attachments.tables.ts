import { bigint, foreignKey, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { instant, tenantKey } from '../../platform/db/columns.ts';
import { proposals } from './proposals.tables.ts';

/**
 * 附件: a file attached to a proposal while its proposer still edits it. The bytes are in the file store under
 * `storageKey` (built from ids only); this row is the metadata. Frozen, like the text, once submitted.
 */
export const proposalAttachments = pgTable(
  'proposal_attachments',
  {
    ...tenantKey(),
    proposalId: uuid().notNull(),
    /** The name the user gave the file, for display and download only (never a path). */
    fileName: text().notNull(),
    /** The type detected from the bytes, not the one the browser declared. */
    contentType: text().notNull(),
    size: bigint({ mode: 'number' }).notNull(),
    /** Hex SHA-256 of the bytes, to check a stored file and to spot the same file uploaded twice. */
    sha256: text().notNull(),
    storageKey: text().notNull(),
    uploadedBy: uuid().notNull(),
    createdAt: instant().notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.orgId, table.id] }),
    index('proposal_attachments_proposal').on(table.orgId, table.proposalId),
    foreignKey({ columns: [table.orgId, table.proposalId], foreignColumns: [proposals.orgId, proposals.id] }),
  ],
);
