import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDueJobs } from '../../platform/jobs/job-runner.ts';
import { convertWithLibreOffice } from '../../test/libreoffice.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { contactBody, type Json, replyBody, requestAs } from '../handling/handling.test-support.ts';
import {
  type AssignmentCommittee,
  createAssignmentCommittee,
  insertFiledProposal,
} from '../proposals/assignment.test-support.ts';
import { archiveJobs } from './archive.jobs.ts';

describe('archive package in LibreOffice', () => {
  let test: TestApp;
  let city: AssignmentCommittee;
  let request: ReturnType<typeof requestAs>;

  beforeAll(async () => {
    test = await createTestApp();
    test.setNow(new Date('2026-07-01T02:00:00Z'));
    city = await createAssignmentCommittee(test.dependencies);
    request = requestAs(test, city);
    // A proposal of the previous session with a sent reply, then the session archived and its package built.
    const proposal = await insertFiledProposal(test.dependencies, city, {
      title: '关于建设城市绿道网络的建议',
      sessionId: city.sessionIds.previous,
    });
    await request(
      'POST',
      `/proposals/${proposal.id}/actions/assign`,
      'proposal_office',
      { mode: 'sole', unitIds: [city.unitIds.reform] },
      proposal.version,
    );
    const [item] = (await request('GET', `/assignments?proposalId=${proposal.id}`, 'reform')).json().items as Json[];
    const signed = (await request('POST', `/assignments/${item.id}/actions/sign_for`, 'reform', {}, item.version)).json();
    await request('POST', `/assignments/${signed.id}/contacts`, 'reform', contactBody('2026-07-01'));
    const draft = (await request('POST', `/assignments/${signed.id}/replies`, 'reform', replyBody())).json();
    const submitted = (await request('POST', `/replies/${draft.id}/actions/submit`, 'reform', {}, draft.version)).json();
    await request('POST', `/replies/${draft.id}/actions/sign_off_and_send`, 'reformLeader', {}, submitted.version);
    const [session] = (
      await test.dependencies.database.pool.query<{ version: number }>('select version from sessions where id = $1', [
        city.sessionIds.previous,
      ])
    ).rows;
    const archived = await request(
      'POST',
      `/sessions/${city.sessionIds.previous}/actions/archive`,
      'proposal_office',
      {},
      session.version,
    );
    expect(archived.statusCode, archived.body).toBe(200);
    await runDueJobs(test.dependencies, archiveJobs, { workerId: 'test' });
  });
  afterAll(async () => test.close());

  it('converts the proposal form, the reply letter and the Excel index of the package to PDF', async () => {
    const [archive] = (await request('GET', '/archives', 'proposal_office')).json().items as Json[];
    const download = await request('GET', `/archives/${archive.id}/package.zip`, 'proposal_office');
    expect(download.statusCode).toBe(200);
    const zip = await JSZip.loadAsync(download.rawPayload);
    const office = Object.keys(zip.files).filter((name) => /\.(docx|xlsx)$/.test(name));
    expect(office.map((name) => name.replace(/^.*\//, '')).sort()).toEqual(
      ['提案.docx', '答复-第1轮-市发展和改革委员会.docx', '索引.xlsx'].sort(),
    );
    const sizes = convertWithLibreOffice(
      await Promise.all(
        office.map(async (name) => ({
          name: name.slice(-8),
          content: await (zip.file(name) as JSZip.JSZipObject).async('nodebuffer'),
        })),
      ),
    );
    expect(sizes).toHaveLength(3);
    for (const size of sizes) expect(size).toBeGreaterThan(1000);
  });
});
