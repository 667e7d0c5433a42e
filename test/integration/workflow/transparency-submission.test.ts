import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TransparencyDatabaseRecord } from '../../../functions/domain/transparency-database.ts';
import { startWorkflowHarness, type WorkflowHarness } from '../../support/workflow.ts';
import { takenDownCase } from '../../support/workflow-steps.ts';

/**
 * The submission path end to end: EU statements of reasons produced by the workflow (and a seeded
 * backlog) go from the pending partition to the local stand-in of the DSA Transparency Database
 * through the scheduled job, while the stand-in fails a share of batches: nothing is lost,
 * nothing is sent twice, and what the database refuses is dead-lettered.
 */

let h: WorkflowHarness;
beforeAll(async () => {
  h = await startWorkflowHarness();
});
afterAll(async () => {
  await h?.stop();
});

/** A valid statement as the mapper writes it (no personal data), with its own puid. */
const statement = (puid: string): TransparencyDatabaseRecord => ({
  decision_visibility: ['DECISION_VISIBILITY_CONTENT_DISABLED'],
  decision_ground: 'DECISION_GROUND_ILLEGAL_CONTENT',
  illegal_content_legal_ground: 'Art. 9 Regulation (EU) 2017/1001 (EU trade mark)',
  illegal_content_explanation: 'The listing offered goods bearing a sign identical to the mark.',
  content_type: ['CONTENT_TYPE_PRODUCT'],
  category: 'STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS',
  category_specification: ['KEYWORD_TRADEMARK_INFRINGEMENT'],
  territorial_scope: ['DE', 'FR'],
  decision_facts: 'A rights holder notified the listing under Article 16 DSA.',
  source_type: 'SOURCE_ARTICLE_16',
  automated_detection: 'No',
  automated_decision: 'AUTOMATED_DECISION_NOT_AUTOMATED',
  account_type: 'ACCOUNT_TYPE_BUSINESS',
  application_date: '2026-03-02',
  content_date: '2025-11-20',
  puid,
});

async function seedPending(records: unknown[]) {
  const { dynamo, tableName } = await import('../../../functions/adapters/dynamo-client.ts');
  for (const [i, record] of records.entries()) {
    const puid = (record as { puid: string }).puid;
    await dynamo.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          pk: 'TDBSTMT#2026-03',
          sk: `2026-03-02#${puid}`,
          type: 'TransparencyStatement',
          puid,
          statement: record,
          createdAt: `2026-03-02T00:00:${String(i % 60).padStart(2, '0')}.000Z`,
          gsi2pk: 'TDB_PENDING',
          gsi2sk: `2026-03-02T00:00:00.000Z#${puid}`,
        },
      }),
    );
  }
}

describe('Statements of reasons to the Transparency Database', () => {
  it('submits every statement exactly once while the database fails a share of batches', async () => {
    // Arrange: a statement the workflow produced, a backlog of 240, one the database holds
    // already (a run that died before recording its success), and one it will refuse.
    const { caseId } = await takenDownCase(h, { ipRightId: 'ipr-acme-tm-eu', jurisdiction: 'EU' });
    const backlog = Array.from({ length: 240 }, (_, i) => statement(`backlog-${i}`));
    const held = statement('held-before');
    h.cloud.transparencyDatabase.submit({ statements: [held] });
    const refused = { ...statement('refused-1'), territorial_scope: ['US'] };
    await seedPending([...backlog, held, refused]);
    const { handler } = await import('../../../functions/jobs/submit-statements.ts');
    const db = h.cloud.transparencyDatabase;
    db.setFaults({ failNext: 4, failureRate: 0.3 });

    // Act: the scheduled job, run after run, until nothing is pending.
    const runs: Awaited<ReturnType<typeof handler>>[] = [];
    for (let run = 0; run < 12; run++) {
      runs.push(await handler());
      const { listPendingStatements } = await import(
        '../../../functions/adapters/transparency-statements.ts'
      );
      if ((await listPendingStatements(1)).length === 0) break;
    }

    // Assert: every valid statement accepted once; the refused one dead-lettered, not sent.
    const puids = db.accepted.map((a) => a.puid);
    expect(new Set(puids).size).toBe(puids.length);
    const workflowPuid = `${caseId}-e0`;
    expect(puids).toContain(workflowPuid);
    for (const s of backlog) expect(puids).toContain(s.puid);
    expect(puids.filter((p) => p === 'held-before')).toHaveLength(1);
    expect(puids).not.toContain('refused-1');
    expect(db.accepted).toHaveLength(backlog.length + 2);
    expect(db.answered[503]).toBeGreaterThanOrEqual(4);
    expect(runs.reduce((n, r) => n + r.deadLettered, 0)).toBe(1);
    // The workflow's statement carries no personal data of the case.
    const produced = db.accepted.find((a) => a.puid === workflowPuid)!.statement;
    const text = JSON.stringify(produced);
    for (const personal of ['Wile E. Coyote', 'ACME-branded widget', '@'])
      expect(text).not.toContain(personal);
  });
});
