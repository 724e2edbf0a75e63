import { describe, expect, it } from 'vitest';
import type { KeyProposal } from '../../../../contracts/key-proposals.ts';
import {
  activityBody,
  canManageKeyProposals,
  canRecordActivity,
  canRecordInstruction,
  countByState,
  keyProposalStateColor,
  offeredActions,
  photoProblem,
  proposalLabel,
  recommendBody,
  recommenderNameRequired,
  supervisorOptions,
} from './key-proposal-rules.ts';

const item = (state: string, supervisors: { userId: string; name: string }[] = []) =>
  ({ state, supervisors, actions: [] }) as unknown as KeyProposal;

describe('key proposal rules', () => {
  it('shows the offered decisions in button order', () => {
    const offered = {
      actions: [
        { action: 'decline', label: '不列入', needsReason: true },
        { action: 'approve', label: '确定为重点提案', needsReason: false },
        { action: 'shortlist', label: '列入候选', needsReason: false },
      ],
    };
    expect(offeredActions(offered)).toEqual(['shortlist', 'approve', 'decline']);
    expect(offeredActions({ actions: [] })).toEqual([]);
  });

  it('lets the office and the item’s own supervisors record activities, only once approved', () => {
    const approved = item('approved', [{ userId: 's1', name: '张主席' }]);
    expect(canRecordActivity({ id: 'o', roles: ['proposal_office'] }, approved)).toBe(true);
    expect(canRecordActivity({ id: 's1', roles: ['supervisor'] }, approved)).toBe(true);
    expect(canRecordActivity({ id: 's2', roles: ['supervisor'] }, approved)).toBe(false);
    expect(canRecordActivity({ id: 'l', roles: ['leader'] }, approved)).toBe(false);
    expect(canRecordActivity({ id: 'o', roles: ['proposal_office'] }, item('shortlisted'))).toBe(false);
    expect(canRecordActivity(undefined, approved)).toBe(false);
  });

  it('gives recommendations to the office and instructions to the office and leaders', () => {
    expect(canManageKeyProposals({ id: 'o', roles: ['proposal_office'] })).toBe(true);
    expect(canManageKeyProposals({ id: 'l', roles: ['leader'] })).toBe(false);
    expect(canRecordInstruction({ id: 'l', roles: ['leader'] })).toBe(true);
    expect(canRecordInstruction({ id: 's', roles: ['supervisor'] })).toBe(false);
  });

  it('asks a party or committee for its name and trims the body', () => {
    expect(recommenderNameRequired('party')).toBe(true);
    expect(recommenderNameRequired('committee')).toBe(true);
    expect(recommenderNameRequired('staff')).toBe(false);
    expect(recommendBody({ proposalId: 'p', recommenderKind: 'staff', recommenderName: '  ', reason: ' 事关民生 ' })).toEqual({
      proposalId: 'p',
      recommenderKind: 'staff',
      reason: '事关民生',
    });
    expect(
      recommendBody({ proposalId: 'p', recommenderKind: 'party', recommenderName: ' 民盟市委会 ', reason: '理由' }),
    ).toMatchObject({ recommenderName: '民盟市委会' });
  });

  it('builds the activity body with each photo once', () => {
    expect(activityBody({ kind: 'visit', happenedOn: '2026-07-01', notes: ' 实地查看 ' }, ['a', 'b', 'a'])).toEqual({
      kind: 'visit',
      happenedOn: '2026-07-01',
      notes: '实地查看',
      photoIds: ['a', 'b'],
    });
  });

  it.each([
    ['a JPG', { name: '现场.JPG', size: 1000 }, 0, null],
    ['a PNG', { name: 'a.png', size: 1000 }, 19, null],
    ['a PDF', { name: 'a.pdf', size: 1000 }, 0, '督办照片只支持 JPG、PNG 格式'],
    ['an empty file', { name: 'a.png', size: 0 }, 0, '上传的文件是空的，请重新选择文件'],
    ['a huge photo', { name: 'a.jpeg', size: 11 * 1024 * 1024 }, 0, '督办照片不能超过 10 MB'],
    ['the 21st photo', { name: 'a.png', size: 10 }, 20, '一次活动最多 20 张照片'],
  ])('checks %s before upload', (_name, file, attached, problem) => {
    expect(photoProblem(file, attached)).toBe(problem);
  });

  it('offers listed supervisors first, then those already named, each once', () => {
    const known = [
      item('approved', [
        { userId: 'b', name: '李主任' },
        { userId: 'a', name: '' },
      ]),
    ];
    expect(supervisorOptions([{ userId: 'a', name: '张主席' }], known)).toEqual([
      { userId: 'a', name: '张主席' },
      { userId: 'b', name: '李主任' },
    ]);
    expect(supervisorOptions([], [item('approved', [{ userId: 'c', name: '' }])])).toEqual([{ userId: 'c', name: 'c' }]);
  });

  it('labels, colours and counts', () => {
    expect(proposalLabel({ proposalNumber: '0012', proposalTitle: '关于养老的提案' })).toBe('0012 关于养老的提案');
    expect(proposalLabel({ number: null, title: '未编号' })).toBe('未编号');
    expect(keyProposalStateColor('approved')).toBe('green');
    expect(keyProposalStateColor('recommended')).toBe('gold');
    expect(countByState([item('approved'), item('approved'), item('declined')])).toEqual({ approved: 2, declined: 1 });
  });
});
