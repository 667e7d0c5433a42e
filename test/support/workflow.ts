import { randomBytes } from 'node:crypto';
import { GetExecutionHistoryCommand, SFNClient } from '@aws-sdk/client-sfn';
import type { LocalCloud } from '../../local/cloud.ts';
import { parseDurationMs } from '../../local/duration.ts';
import { startTestCloud } from './cloud.ts';

/** Where the workflow tests' clock starts. */
export const WORKFLOW_CLOCK_START = new Date('2026-03-02T01:00:00Z');

/** The workflow's modules, imported after the local cloud has set the environment they read at load. */
export async function workflowModules() {
  const [caseStore, inputs, redress, appeals, filing, notice] = await Promise.all([
    import('../../functions/adapters/case-store.ts'),
    import('../../functions/use-cases/case-inputs.ts'),
    import('../../functions/use-cases/redress.ts'),
    import('../../functions/adapters/appeal-store.ts'),
    import('../../functions/use-cases/file-notice.ts'),
    import('../../functions/domain/notice.ts'),
  ]);
  return { ...caseStore, ...inputs, ...redress, ...appeals, ...filing, ...notice };
}

export interface WorkflowHarness {
  cloud: LocalCloud;
  m: Awaited<ReturnType<typeof workflowModules>>;
  /** Files a notice as the demo rights holder and waits until every case has settled. */
  file(options: {
    listings: string[];
    ipRightId?: string;
    jurisdiction?: 'US' | 'EU' | 'CN';
    infringementType?: string;
    testBuy?: boolean;
  }): Promise<{ noticeId: string; caseIds: string[] }>;
  status(caseId: string): Promise<string | undefined>;
  timeline(caseId: string): Promise<string[]>;
  advance(duration: string): Promise<void>;
  listing(listingId: string): Promise<{ status: string }>;
  seller(sellerId: string): Promise<{ status: string }>;
  mail(to: string): Promise<{ subject: string; template: string; caseId?: string; text: string }[]>;
  newListing(sellerId?: string): Promise<string>;
  history(caseId: string): Promise<string[]>;
  stop(): Promise<void>;
}

export async function startWorkflowHarness(): Promise<WorkflowHarness> {
  // The calendar is pinned: the CN holiday data ends with its last published year, and the
  // tests' deadlines must not depend on the day the suite runs. Monday 2 March 2026, 09:00 Beijing.
  const cloud = await startTestCloud({ clockStart: WORKFLOW_CLOCK_START });
  const m = await workflowModules();
  const getJson = async <T = { status: string }>(path: string): Promise<T> =>
    (await fetch(`${cloud.url}${path}`)).json() as Promise<T>;
  return {
    cloud,
    m,
    async file({
      listings,
      ipRightId = 'ipr-acme-tm-us',
      jurisdiction = 'US',
      infringementType = 'trademark',
      testBuy = false,
    }) {
      const notice = m.parseNotice({
        ipRightId,
        infringementType,
        jurisdiction,
        listings: listings.map((listingId) => ({ listingId })),
        explanation:
          'The listings use the ACME mark on goods ACME never made; see the attached comparison.',
        evidenceIds: ['ev-demo-1'],
        ...(testBuy ? { testBuy: { orderId: 'order-1', reportEvidenceId: 'ev-demo-2' } } : {}),
        statements: { goodFaith: true, accurate: true, authorizedUnderPenaltyOfPerjury: true },
        signature: {
          fullName: 'Wile E. Coyote',
          signedAt: new Date(cloud.clock.now()).toISOString(),
        },
      });
      const filed = await m.fileNotice({
        rightsHolderId: 'rh-acme',
        idempotencyKey: randomBytes(8).toString('hex'),
        notice,
        filedBy: 'demo-rights-holder',
      });
      await cloud.settled();
      return { noticeId: filed.noticeId, caseIds: filed.cases.map((c) => c.caseId) };
    },
    status: async (caseId) => (await m.getCase(caseId))?.status,
    timeline: async (caseId) => (await m.getTimeline(caseId)).map((e) => e.type),
    advance: async (duration) => {
      await cloud.advance(parseDurationMs(duration));
    },
    listing: (listingId) => getJson(`/_local/marketplace/listings/${listingId}`),
    seller: (sellerId) => getJson(`/_local/marketplace/sellers/${sellerId}`),
    mail: async (to) =>
      ((await getJson(`/_local/mailbox?to=${encodeURIComponent(to)}`)) as { items: never[] }).items,
    newListing: async (sellerId = `seller-${randomBytes(4).toString('hex')}`) => {
      const res = await fetch(`${cloud.url}/_local/marketplace/listings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ sellerId, title: 'ACME-branded widget' }),
      });
      return ((await res.json()) as { listingId: string }).listingId;
    },
    history: async (caseId) => {
      const sfn = new SFNClient({});
      const arn = `${cloud.stateMachineArns.takedown!.replace(':stateMachine:', ':execution:')}:case-${caseId}`;
      const events: string[] = [];
      let nextToken: string | undefined;
      do {
        const page = await sfn.send(
          new GetExecutionHistoryCommand({ executionArn: arn, maxResults: 1000, nextToken }),
        );
        events.push(...(page.events ?? []).map((e) => e.type!));
        nextToken = page.nextToken;
      } while (nextToken);
      sfn.destroy();
      return events;
    },
    stop: async () => {
      const loops = loopingExecutions(cloud);
      await cloud.stop();
      if (loops.length > 0) throw new Error(`Executions that look like loops: ${loops.join('; ')}`);
    },
  };
}

/**
 * The loop detector every workflow path test runs under (its harness's `stop`): no case's
 * execution should come near Step Functions' 25,000-event history limit; one past a few hundred
 * events in a test is a loop (a wait reopened on a spent deadline, a retry that never ends).
 */
const LOOP_EVENTS = 600;

function loopingExecutions(cloud: LocalCloud): string[] {
  return cloud.engine
    .stateMachineArns()
    .flatMap((arn) => cloud.engine.listExecutions(arn))
    .filter((execution) => execution.history.length > LOOP_EVENTS)
    .map((execution) => `${execution.name} (${execution.history.length} events)`);
}
