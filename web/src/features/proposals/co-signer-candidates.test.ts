import { describe, expect, it } from 'vitest';
import type { Proposal } from '../../../../contracts/proposals.ts';
import { membersNotToInvite } from './co-signer-candidates.ts';

type Invitation = Proposal['coSigners'][number];
const invitation = (memberId: string, state: Invitation['state']): Invitation => ({
  memberId,
  name: memberId,
  state,
  invitedAt: '2026-01-05T02:00:00Z',
  respondedAt: null,
  actions: [],
});

describe('members the co-signer picker leaves out', () => {
  it('leaves out oneself, the proposers and open or accepted invitations, but offers declined and cancelled again', () => {
    const proposal = {
      leadMemberId: 'lead',
      proposers: [
        { memberId: 'lead', name: '甲', role: 'lead' as const },
        { memberId: 'joined', name: '乙', role: 'co_signer' as const },
        { memberId: null, name: '某界别', role: 'collective' as const },
      ],
      coSigners: [
        invitation('joined', 'accepted'),
        invitation('asked', 'invited'),
        invitation('refused', 'declined'),
        invitation('withdrawn', 'cancelled'),
      ],
    };
    expect(membersNotToInvite(proposal, 'lead').sort()).toEqual(['asked', 'joined', 'lead']);
  });

  it('leaves out the signed-in member even when someone else leads', () => {
    expect(membersNotToInvite({ leadMemberId: null, proposers: [], coSigners: [] }, 'me')).toEqual(['me']);
    expect(membersNotToInvite({ leadMemberId: null, proposers: [], coSigners: [] }, null)).toEqual([]);
  });
});
