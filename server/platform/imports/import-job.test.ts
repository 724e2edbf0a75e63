import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../contracts/roles.ts';
import { createTenantWithUsers } from '../../test/fixtures.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import type { Actor } from '../auth/actor.ts';
import { fileStoreFor } from '../files/file-store.ts';
import { badRequest } from '../http/problem.ts';
import type { ClaimedJob } from '../jobs/job-types.ts';
import { runImportJob } from './import-job.ts';
import { IMPORT_JOB_ATTEMPTS, importFileKey, loadImportRun, queueImportRun } from './import-runs.ts';

describe('the job of a background import', () => {
  let test: TestApp;
  let actor: Actor;
  const context = { ip: '10.0.0.9', requestId: 'upload-request' };

  beforeAll(async () => {
    test = await createTestApp();
    const tenant = await createTenantWithUsers(test.dependencies, ['proposal_office']);
    const user = tenant.people.proposal_office;
    actor = {
      userId: user.id,
      orgId: user.orgId,
      username: user.username,
      displayName: '提案委',
      roles: user.roles as Role[],
      memberId: null,
      unitId: null,
      sessionId: '',
    };
  });
  afterAll(async () => test.close());

  /** A queued run of its own kind of test job, and the job as the runner would hand it over. */
  async function queued(attempts: number) {
    const run = await queueImportRun(
      test.dependencies,
      actor,
      { kind: 'units', fileName: '单位.xlsx', file: Buffer.from('the upload'), jobType: 'test.import', summary: '测试导入' },
      context,
    );
    const job: ClaimedJob = { id: 'job', orgId: actor.orgId, type: 'test.import', payload: { runId: run.id }, attempts };
    return {
      run,
      job,
      stored: () => fileStoreFor(test.dependencies.config).exists(importFileKey({ orgId: actor.orgId, id: run.id })),
    };
  }
  const rowOf = async (id: string) => (await loadImportRun(test.dependencies.database.orm, actor.orgId, id))!;

  it('retries an unexpected error, keeping the run and its file, and fails the run at the last attempt', async () => {
    const first = await queued(1);
    const broken = async () => {
      throw new Error('数据库暂时不可用');
    };
    await expect(runImportJob(test.dependencies, first.job, broken)).rejects.toThrow('数据库暂时不可用');
    expect(await rowOf(first.run.id)).toMatchObject({ state: 'running', phase: 'reading' });
    expect(await first.stored()).toBe(true);

    await expect(runImportJob(test.dependencies, { ...first.job, attempts: IMPORT_JOB_ATTEMPTS }, broken)).rejects.toThrow();
    const failed = await rowOf(first.run.id);
    expect(failed.state).toBe('failed');
    expect(failed.detail).toContain('导入时发生内部错误，导入未完成');
    expect(await first.stored()).toBe(false);
    const events = await test.dependencies.database.pool.query(
      `select actor_id, result from events where org_id = $1 and type = 'import.failed' and subject_id = $2`,
      [actor.orgId, first.run.id],
    );
    expect(events.rows).toEqual([{ actor_id: actor.userId, result: 'failure' }]);
  });

  it('fails a refused file without a retry, and leaves an ended run alone', async () => {
    const refused = await queued(1);
    await runImportJob(test.dependencies, refused.job, async ({ file }) => {
      expect(file.toString()).toBe('the upload');
      throw badRequest('一次最多导入 5000 行，请分成多个文件', undefined, 'too_many_rows');
    });
    expect(await rowOf(refused.run.id)).toMatchObject({ state: 'failed', detail: '一次最多导入 5000 行，请分成多个文件' });
    expect(await refused.stored()).toBe(false);
    let called = false;
    await runImportJob(test.dependencies, refused.job, async () => {
      called = true;
    });
    expect(called).toBe(false);
  });
});
