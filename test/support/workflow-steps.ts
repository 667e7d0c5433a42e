import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { CounterNotice } from '../../functions/domain/counter-notice.ts';
import type { WorkflowHarness } from './workflow.ts';

/** Shared steps of the workflow integration tests (test/integration/workflow/). */

export const reviewer = { role: 'reviewer' as const, id: 'demo-reviewer' };
export const RIGHTS_HOLDER = 'rh-acme';
export const RIGHTS_HOLDER_EMAIL = 'ip@acme.demo.invalid';

export const sellerEmail = (sellerId: string) => `${sellerId}@sellers.demo.invalid`;

/** The seller's personal contact in a counter-notice: it must never reach the timeline. */
export const COUNTER_NOTICE_CONTACT = {
  name: 'Rosa Counterpart',
  address: '42 Dispute Lane, Springfield, IL 62701, US',
  phone: '+1-217-555-0142',
  email: 'rosa.counterpart@seller.example.invalid',
};

export function counterNoticeBody(at: Date): CounterNotice {
  return {
    statement:
      'I have a good-faith belief that the listing was removed as a result of mistake or misidentification.',
    underPenaltyOfPerjury: true,
    consentToJurisdiction: true,
    district: 'Central District of Illinois',
    acceptServiceOfProcess: true,
    material: {
      description: 'The listing and its photographs',
      location: 'The listing page on the marketplace',
    },
    contact: COUNTER_NOTICE_CONTACT,
    signature: { fullName: COUNTER_NOTICE_CONTACT.name, signedAt: at.toISOString() },
    evidenceIds: ['ev-x'],
  };
}

/** The workflow's seller store, loaded after the harness set the environment it reads. */
export const sellerStore = () => import('../../functions/adapters/seller-store.ts');

export async function approve(h: WorkflowHarness, caseId: string): Promise<void> {
  await h.m.decide(caseId, reviewer, {
    decision: 'approve',
    reasonCode: 'counterfeit_goods',
    reasons:
      'The listing sells goods bearing the registered mark that the rights holder did not make.',
    note: 'Logo and packaging copied.',
  });
  await h.cloud.settled();
}

/** Files a one-listing notice against a new listing and approves it: the case then awaits a counter-notice. */
export async function takenDownCase(
  h: WorkflowHarness,
  options: Omit<Parameters<WorkflowHarness['file']>[0], 'listings'> & { sellerId?: string } = {},
): Promise<{ caseId: string; listingId: string; sellerId: string; noticeId: string }> {
  const { sellerId = newSellerId(), ...fileOptions } = options;
  const listingId = await h.newListing(sellerId);
  const { noticeId, caseIds } = await h.file({ ...fileOptions, listings: [listingId] });
  const caseId = caseIds[0]!;
  await approve(h, caseId);
  return { caseId, listingId, sellerId, noticeId };
}

let sellers = 0;
/** A seller id no other test of the run uses. */
export const newSellerId = () => `seller-${process.pid}-${++sellers}`;

export async function counterNotify(
  h: WorkflowHarness,
  caseId: string,
  sellerId: string,
): Promise<void> {
  await h.m.counterNotify(caseId, sellerId, counterNoticeBody(new Date(h.cloud.clock.now())));
  await h.cloud.settled();
}

/** Moves the virtual clock to an instant (it only moves forward). */
export async function advanceTo(h: WorkflowHarness, instant: Date | string): Promise<void> {
  const ms = new Date(instant).getTime() - h.cloud.clock.now();
  if (ms > 0) await h.cloud.advance(ms);
}

export async function setFaults(
  h: WorkflowHarness,
  faults: { failNext?: number; failureRate?: number },
): Promise<void> {
  const res = await fetch(`${h.cloud.url}/_local/marketplace/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(faults),
  });
  if (!res.ok) throw new Error(`faults: HTTP ${res.status}`);
}

export async function caseOf(h: WorkflowHarness, caseId: string) {
  const record = await h.m.getCase(caseId);
  if (!record) throw new Error(`case ${caseId} not found`);
  return record;
}

/** The case ids waiting in a reviewer queue (the queue index the API reads). */
export async function queueCaseIds(queue: string): Promise<string[]> {
  const { dynamo, tableName } = await import('../../functions/adapters/dynamo-client.ts');
  const page = await dynamo.send(
    new QueryCommand({
      TableName: tableName,
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': `QUEUE#${queue}` },
    }),
  );
  return (page.Items ?? []).map((item) => String(item.caseId));
}

/** The number of `*StateEntered` events in the case's execution history. */
export async function stateTransitions(h: WorkflowHarness, caseId: string): Promise<number> {
  return (await h.history(caseId)).filter((type) => type.endsWith('StateEntered')).length;
}
