/**
 * Submitting a proposal: a confirmation that the text is frozen afterwards, then the submit request with an
 * Idempotency-Key that is kept until the server gives a definite answer, so retrying the same click after a lost
 * connection never submits twice.
 */
import { App } from 'antd';
import { useRef } from 'react';
import type { Proposal } from '../../../../contracts/proposals.ts';
import { newIdempotencyKey } from '../../lib/api.ts';
import { useText } from '../../lib/i18n.tsx';
import { useSubmitProposal } from './proposals-api.ts';
import { keepsIdempotencyKey, submitConfirmText } from './submit-rules.ts';

/**
 * The submit flow of one proposal: `start()` asks for confirmation and submits. `prepare` runs first (the editor
 * saves pending changes) and answers the version to send.
 */
export function useSubmitFlow(options: {
  proposal: Proposal | undefined;
  prepare?: () => Promise<number | null>;
  onSubmitted: (proposal: Proposal) => void;
  onError: (error: unknown) => void;
}) {
  const { modal } = App.useApp();
  const t = useText();
  const submit = useSubmitProposal();
  const keyRef = useRef<{ proposalId: string; key: string } | null>(null);

  const send = async () => {
    const proposal = options.proposal;
    if (!proposal) return;
    const version = options.prepare ? await options.prepare() : proposal.version;
    if (version === null) return;
    if (keyRef.current?.proposalId !== proposal.id) keyRef.current = { proposalId: proposal.id, key: newIdempotencyKey() };
    try {
      const submitted = await submit.mutateAsync({ id: proposal.id, version, idempotencyKey: keyRef.current.key });
      keyRef.current = null;
      options.onSubmitted(submitted);
    } catch (error) {
      if (!keepsIdempotencyKey(error)) keyRef.current = null;
      options.onError(error);
    }
  };

  const start = () => {
    const proposal = options.proposal;
    if (!proposal) return;
    modal.confirm({
      title: t('确认提交提案？'),
      content: t(submitConfirmText(proposal)),
      okText: t('确认提交'),
      cancelText: t('再检查一下'),
      onOk: send,
    });
  };

  return { start, submitting: submit.isPending };
}
