import type { ComponentType } from 'react';
import { AssignDialog } from './assign-dialog.tsx';
import { MergeDialog } from './merge-dialog.tsx';
import type { OfficeActionFormProps } from './office-action-types.ts';
import { ConvertDialog, FileDialog, RejectDialog, ReturnDialog } from './review-dialogs.tsx';

export type { OfficeActionFormProps } from './office-action-types.ts';

/**
 * The dialogs of the office's actions on one proposal (file, reject, merge, convert, return, assign), by action
 * name. The detail page opens the one whose action the user clicked.
 */
export const officeActionForms: Partial<Record<string, ComponentType<OfficeActionFormProps>>> = {
  file: FileDialog,
  reject: RejectDialog,
  merge: MergeDialog,
  convert: ConvertDialog,
  return: ReturnDialog,
  assign: AssignDialog,
};
