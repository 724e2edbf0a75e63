/**
 * Every workbench provider, in the order their cards show (decision 0017). A module adds its cards by writing a
 * `<module>.workbench.ts` that exports a WorkbenchProvider and listing it here; the page and the route stay as
 * they are.
 */
import { appraisalWorkbench } from '../appraisal/appraisal.workbench.ts';
import { auditWorkbench } from '../audit/audit.workbench.ts';
import { authWorkbench } from '../auth/auth.workbench.ts';
import { keyProposalsWorkbench } from '../key-proposals/key-proposals.workbench.ts';
import { peopleWorkbench } from '../people/people.workbench.ts';
import { memberProposalsWorkbench, officeProposalsWorkbench } from '../proposals/proposals.workbench.ts';
import { publicationWorkbench } from '../publication/publication.workbench.ts';
import { officeHandlingWorkbench, unitHandlingWorkbench } from './providers/handling.workbench.ts';
import { statisticsWorkbench } from './providers/statistics.workbench.ts';
import type { WorkbenchProvider } from './workbench.provider.ts';

/** The providers: a member's, the office's, a unit's, leaders' and supervisors', the administrators'. */
export function workbenchProviders(): WorkbenchProvider[] {
  return [
    memberProposalsWorkbench,
    appraisalWorkbench,
    officeProposalsWorkbench,
    publicationWorkbench,
    officeHandlingWorkbench,
    unitHandlingWorkbench,
    statisticsWorkbench,
    keyProposalsWorkbench,
    auditWorkbench,
    peopleWorkbench,
    authWorkbench,
  ];
}
