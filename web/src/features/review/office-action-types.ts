import type { Proposal } from '../../../../contracts/proposals.ts';

/** What the proposal detail page passes to the form of an office action. */
export type OfficeActionFormProps = {
  proposal: Proposal;
  open: boolean;
  onClose: () => void;
  /** Called with the updated proposal after the action succeeded. */
  onDone: (proposal: Proposal) => void;
};
