/** One event of an execution's history, in the shape GetExecutionHistory returns. */
export interface HistoryEvent {
  id: number;
  previousEventId: number;
  timestamp: number;
  type: string;
  [details: string]: unknown;
}

/** The `*EventDetails` key AWS uses for each event type. */
export function detailsKey(type: string): string {
  if (type.endsWith('StateEntered')) return 'stateEnteredEventDetails';
  if (type.endsWith('StateExited')) return 'stateExitedEventDetails';
  return `${type.charAt(0).toLowerCase()}${type.slice(1)}EventDetails`;
}

/** Appends an event with ids chained the way AWS chains them. */
export function appendEvent(
  history: HistoryEvent[],
  timestamp: number,
  type: string,
  details?: Record<string, unknown>,
): HistoryEvent {
  const previous = history[history.length - 1];
  const event: HistoryEvent = {
    id: history.length + 1,
    previousEventId: previous ? previous.id : 0,
    timestamp,
    type,
  };
  if (details) event[detailsKey(type)] = details;
  history.push(event);
  return event;
}

/** Serializes a value for an event's `input`/`output` field, as AWS does (a JSON string). */
export function asJson(value: unknown): string {
  return JSON.stringify(value ?? null);
}
