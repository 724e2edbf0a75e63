import type { Proposal } from '../../../../contracts/proposals.ts';

/**
 * The members the co-signer picker must not offer: oneself, the proposal's proposers (the lead and those who joined)
 * and members whose invitation is open or accepted. Members who declined or were cancelled may be asked again.
 */
export function membersNotToInvite(
  proposal: Pick<Proposal, 'leadMemberId' | 'proposers' | 'coSigners'>,
  myMemberId: string | null | undefined,
): string[] {
  const ids = [
    myMemberId,
    proposal.leadMemberId,
    ...proposal.proposers.map((proposer) => proposer.memberId),
    ...proposal.coSigners.filter((row) => row.state === 'invited' || row.state === 'accepted').map((row) => row.memberId),
  ];
  return [...new Set(ids.filter((id): id is string => Boolean(id)))];
}
