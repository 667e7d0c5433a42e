import { type RouteHandler, readBody, sendJson } from './http.ts';

/** One event a function put on the bus. */
export interface LocalEvent {
  id: string;
  time: string;
  source: string;
  detailType: string;
  eventBusName: string;
  detail: unknown;
}

/**
 * A local event bus: enough of the EventBridge PutEvents protocol (awsJson1_1) that the unchanged
 * `@aws-sdk/client-eventbridge` works against it via `AWS_ENDPOINT_URL_EVENTBRIDGE`, and a
 * `GET /_local/events?caseId=` view of what integrators would receive.
 */
export class LocalEventBus {
  private readonly events: LocalEvent[] = [];
  private seq = 0;

  constructor(private readonly now: () => number) {}

  apiRoutes(): RouteHandler {
    return async (req, res) => {
      if (req.method !== 'POST' || req.headers['x-amz-target'] !== 'AWSEvents.PutEvents')
        return false;
      const body = JSON.parse((await readBody(req)).toString('utf8') || '{}') as {
        Entries?: Record<string, unknown>[];
      };
      const entries = (body.Entries ?? []).map((entry) => {
        const id = `evt-${(++this.seq).toString().padStart(8, '0')}`;
        let detail: unknown = entry.Detail;
        try {
          detail = JSON.parse(String(entry.Detail));
        } catch {
          // keep the raw string
        }
        this.events.push({
          id,
          time: new Date(this.now()).toISOString(),
          source: String(entry.Source),
          detailType: String(entry.DetailType),
          eventBusName: String(entry.EventBusName ?? 'default'),
          detail,
        });
        return { EventId: id };
      });
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(JSON.stringify({ FailedEntryCount: 0, Entries: entries }));
      return true;
    };
  }

  localRoutes(): RouteHandler {
    return async (req, res, url) => {
      if (req.method !== 'GET' || url.pathname !== '/_local/events') return false;
      const caseId = url.searchParams.get('caseId');
      const items = this.events.filter(
        (e) => !caseId || (e.detail as { caseId?: string })?.caseId === caseId,
      );
      sendJson(res, 200, { items });
      return true;
    };
  }
}
