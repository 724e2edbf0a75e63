/** Every table of the product, for Drizzle's typed queries and for drizzle-kit's migration generator. */
import * as notificationTables from '../../modules/notifications/notifications.tables.ts';
import * as organizationTables from '../../modules/orgs/orgs.tables.ts';
import * as peopleTables from '../../modules/people/people.tables.ts';
import * as proposalAttachmentTables from '../../modules/proposals/attachments.tables.ts';
import * as proposalTables from '../../modules/proposals/proposals.tables.ts';
import * as authTables from '../auth/auth.tables.ts';
import * as eventTables from '../events/events.tables.ts';
import * as idempotencyTables from '../http/idempotency.tables.ts';
import * as jobTables from '../jobs/jobs.tables.ts';

export const schema = {
  ...organizationTables,
  ...peopleTables,
  ...proposalTables,
  ...proposalAttachmentTables,
  ...notificationTables,
  ...authTables,
  ...eventTables,
  ...jobTables,
  ...idempotencyTables,
};
