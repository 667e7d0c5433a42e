import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import * as z from 'zod';
import { loadEnv } from './env.ts';
import { logger } from './logger.ts';

const env = loadEnv({ EVENT_BUS_NAME: z.string().min(1).optional() });

/** The EventBridge client, created once per module (the endpoint comes from the SDK's env handling). */
const events = new EventBridgeClient({});

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
}

/**
 * Publishes a case's status change on the domain-event bus, for integrators (detail-type
 * `CaseStatusChanged`; ids and statuses only, no personal data). Called once per applied step, after
 * the write. A bus that is down does not fail the workflow: the event is logged as lost instead
 * (at most once; the case item remains the source of truth).
 */
export async function publishCaseStatusChanged(change: CaseStatusChanged): Promise<void> {
  if (!env.EVENT_BUS_NAME) return;
  try {
    const result = await events.send(
      new PutEventsCommand({
        Entries: [
          {
            EventBusName: env.EVENT_BUS_NAME,
            Source: EVENT_SOURCE,
            DetailType: 'CaseStatusChanged',
            Time: new Date(change.at),
            Detail: JSON.stringify(change),
          },
        ],
      }),
    );
    if (result.FailedEntryCount)
      logger.error('domain event not accepted', {
        caseId: change.caseId,
        status: change.status,
        alarm: 'DomainEventLost',
      });
  } catch (error) {
    logger.error('domain event not published', {
      caseId: change.caseId,
      status: change.status,
      error: (error as Error).name,
      alarm: 'DomainEventLost',
    });
  }
}
