/** 交办 of one proposal: the plan editor pre-filled from the suggested units, sent as one assignment. */
import { useCallback, useState } from 'react';
import type { AssignmentPlan } from '../../../../contracts/proposals.ts';
import { emptyPlan, isPlanValid, planForServer } from '../assignments/assignment-plan.ts';
import { PlanEditor } from '../assignments/plan-editor.tsx';
import { ActionDialog, useActionSubmit } from './action-dialog.tsx';
import type { OfficeActionFormProps } from './office-action-types.ts';

/** The assign dialog. */
export function AssignDialog({ proposal, open, onClose, onDone }: OfficeActionFormProps) {
  const [plan, setPlan] = useState<AssignmentPlan>(emptyPlan);
  const [filled, setFilled] = useState(false);
  const action = useActionSubmit(proposal, 'assign', (updated) => {
    setFilled(false);
    onDone(updated);
  });
  const change = useCallback((next: AssignmentPlan) => {
    setPlan(next);
    setFilled(true);
  }, []);
  return (
    <ActionDialog
      open={open}
      title="交办"
      okText="确认交办"
      proposal={proposal}
      width={640}
      {...action}
      okDisabled={!isPlanValid(plan)}
      onOk={() => action.submit(planForServer(plan))}
      onClose={onClose}
    >
      {open ? <PlanEditor proposalId={proposal.id} value={plan} filled={filled} onChange={change} /> : null}
    </ActionDialog>
  );
}
