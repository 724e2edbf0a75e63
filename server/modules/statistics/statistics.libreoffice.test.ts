import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertWithLibreOffice } from '../../test/libreoffice.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { contactBody, replyBody, requestAs, startHandling } from '../handling/handling.test-support.ts';
import { type AssignmentCommittee, createAssignmentCommittee } from '../proposals/assignment.test-support.ts';

describe('statistics documents in LibreOffice', () => {
  let test: TestApp;
  let city: AssignmentCommittee;
  let request: ReturnType<typeof requestAs>;

  beforeAll(async () => {
    test = await createTestApp();
    test.setNow(new Date('2026-07-01T02:00:00Z'));
    city = await createAssignmentCommittee(test.dependencies);
    request = requestAs(test, city);
    // One proposal replied (class A), one still open: every column of the tables has a figure.
    const replied = await startHandling(test, city, { mode: 'sole', units: ['reform'] });
    await startHandling(test, city, { mode: 'sole', units: ['housing'] });
    const assignment = replied.assignments.reform;
    await request('POST', `/assignments/${assignment.id}/contacts`, 'reform', contactBody('2026-07-01'));
    const draft = (await request('POST', `/assignments/${assignment.id}/replies`, 'reform', replyBody())).json();
    const submitted = (await request('POST', `/replies/${draft.id}/actions/submit`, 'reform', {}, draft.version)).json();
    const sent = await request('POST', `/replies/${draft.id}/actions/sign_off_and_send`, 'reformLeader', {}, submitted.version);
    expect(sent.statusCode, sent.body).toBe(200);
  });
  afterAll(async () => test.close());

  it('converts the Excel table and the Word report to PDF', async () => {
    const session = city.sessionIds.current;
    const xlsx = await request('GET', `/statistics/export.xlsx?sessionId=${session}&groupBy=unit`, 'proposal_office');
    const docx = await request('GET', `/statistics/report.docx?sessionId=${session}`, 'proposal_office');
    expect([xlsx.statusCode, docx.statusCode]).toEqual([200, 200]);
    const sizes = convertWithLibreOffice([
      { name: 'report.docx', content: docx.rawPayload },
      { name: 'statistics.xlsx', content: xlsx.rawPayload },
    ]);
    expect(sizes).toHaveLength(2);
    for (const size of sizes) expect(size).toBeGreaterThan(1000);
  });
});
