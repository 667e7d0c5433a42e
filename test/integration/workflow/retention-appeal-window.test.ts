import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkflowHarness, type WorkflowHarness } from '../../support/workflow.ts';
import { sellerStore, takenDownCase } from '../../support/workflow-steps.ts';

// A file of its own: once its cases have passed their windows, retention deletes the demo rights
// holder's evidence, which every notice of the harness cites.
let h: WorkflowHarness;
beforeAll(async () => {
  h = await startWorkflowHarness();
});
afterAll(async () => {
  await h?.stop();
});

/** The erasures recorded for a seller. */
async function erasuresOf(sellerId: string) {
  const { dynamo, tableName } = await import('../../../functions/adapters/dynamo-client.ts');
  const result = await dynamo.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `ERASURE#SELLER#${sellerId}` },
    }),
  );
  return result.Items ?? [];
}

describe('Personal-data retention (the daily job)', () => {
  it('pseudonymises a seller’s contact once its closed case’s appeal window has passed, leaving the timeline as it was', async () => {
    // Arrange
    const { caseId, sellerId } = await takenDownCase(h);
    await h.advance('P14D');
    expect(await h.status(caseId)).toBe('upheld');
    const { getSeller } = await sellerStore();
    expect((await getSeller(sellerId))?.email).toContain('@');
    const timeline = await h.timeline(caseId);

    // Act: the appeal window (184 days from the closing) passes; the job runs daily.
    await h.advance('P100D');
    const during = (await getSeller(sellerId))?.email;
    await h.advance('P90D');

    // Assess
    expect(during).toContain('@');
    expect((await getSeller(sellerId))?.email).toBe('[erased]');
    expect(await h.timeline(caseId)).toEqual(timeline);
    expect((await erasuresOf(sellerId)).map((e) => e.erased)).toEqual([true]);
  });
});
