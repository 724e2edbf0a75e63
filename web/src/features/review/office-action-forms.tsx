import type { ComponentType } from 'react';
import type { Proposal } from '../../../../contracts/proposals.ts';

/** What the proposal detail page passes to the form of an office action. */
export type OfficeActionFormProps = {
  proposal: Proposal;
  open: boolean;
  onClose: () => void;
  /** Called with the updated proposal after the action succeeded. */
  onDone: (proposal: Proposal) => void;
};

/**
 * The dialogs of the office's actions on one proposal (file, reject, merge, convert, return, assign), by action
 * name. The detail page opens the one whose action the user clicked. (Being written.)
 */
export const officeActionForms: Partial<Record<string, ComponentType<OfficeActionFormProps>>> = {};
