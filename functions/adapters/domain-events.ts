import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import * as z from 'zod';
import { TERMINAL_STATUSES } from '../domain/case.ts';
import { loadEnv } from './env.ts';
import { eventBridge as events } from './eventbridge-client.ts';
import { logger } from './logger.ts';
import { BUSINESS_METRICS, recordMetric } from './metrics.ts';

const env = loadEnv({ EVENT_BUS_NAME: z.string().min(1).optional() });

/** The `source` of the service's domain events on the bus. */
export const EVENT_SOURCE = 'takedown';

export interface CaseStatusChanged {
  caseId: string;
  noticeId: string;
  listingId: string;
  jurisdiction: string;
  infringementType: string;
  status: string;
  at: string;
  /**
   * The dimensions the transparency counters count the change by (ids and codes only). Events
   * written before they existed lack them.
   */
  previousStatus?: string;
  source?: 'notice' | 'trusted_flagger' | 'own_initiative';
  automated?: boolean;
  sellerId?: string;
  /** When the notice was received (the start of the time to act). */
  receivedAt?: string;
}

/**
 * Publishes a case's status change on the domain-event bus, for integrators (detail-type
 * `CaseStatusChanged`; ids and statuses only, no personal data). Answers whether the bus accepted
 * it; the caller keeps an outbox item until it did, so an outage delays events but loses none.
 */
export async function publishCaseStatusChanged(change: CaseStatusChanged): Promise<boolean> {
  const accepted = await putOnBus(change);
  if (accepted) recordStatusMetrics(change);
  return accepted;
}

/**
 * Counts cases by outcome and jurisdiction as they close, and cases parked for an operator, once
 * per status change: when the bus accepts its event (the outbox retries only what it refused).
 */
function recordStatusMetrics(change: CaseStatusChanged): void {
  if (TERMINAL.has(change.status))
    recordMetric(BUSINESS_METRICS.casesClosed, {
      Outcome: change.status,
      Jurisdiction: change.jurisdiction,
    });
  if (change.status === 'action_failed')
    recordMetric(BUSINESS_METRICS.casesParked, { Jurisdiction: change.jurisdiction });
}

const TERMINAL = new Set<string>(TERMINAL_STATUSES);

/** PutEvents takes at most 10 entries a call. */
const PUT_EVENTS_ENTRIES = 10;

/**
 * Publishes many status changes (a bulk job's), 10 to a PutEvents call; answers, for each, whether
 * the bus accepted it (what it did not stays in the outbox for the relay).
 */
export async function publishCaseStatusChanges(
  changes: readonly CaseStatusChanged[],
): Promise<boolean[]> {
  const accepted: boolean[] = [];
  for (let i = 0; i < changes.length; i += PUT_EVENTS_ENTRIES) {
    const batch = changes.slice(i, i + PUT_EVENTS_ENTRIES);
    const results = await putBatchOnBus(batch);
    batch.forEach((change, j) => {
      if (results[j]) recordStatusMetrics(change);
    });
    accepted.push(...results);
  }
  return accepted;
}

async function putOnBus(change: CaseStatusChanged): Promise<boolean> {
  return (await putBatchOnBus([change]))[0]!;
}

async function putBatchOnBus(changes: readonly CaseStatusChanged[]): Promise<boolean[]> {
  if (!env.EVENT_BUS_NAME) return changes.map(() => true);
  try {
    const result = await events.send(
      new PutEventsCommand({
        Entries: changes.map((change) => ({
          EventBusName: env.EVENT_BUS_NAME,
          Source: EVENT_SOURCE,
          DetailType: 'CaseStatusChanged',
          Time: new Date(change.at),
          Detail: JSON.stringify(change),
        })),
      }),
    );
    // Each entry answers on its own: an ErrorCode marks one the bus did not accept.
    return changes.map((change, i) => {
      const entry = result.Entries?.[i];
      const ok = result.FailedEntryCount ? Boolean(entry && !entry.ErrorCode) : true;
      if (!ok)
        logger.warn('domain event not accepted; the outbox keeps it', {
          caseId: change.caseId,
          status: change.status,
        });
      return ok;
    });
  } catch (error) {
    logger.warn('domain events not published; the outbox keeps them', {
      caseIds: changes.map((change) => change.caseId),
      error: (error as Error).name,
    });
    return changes.map(() => false);
  }
}
