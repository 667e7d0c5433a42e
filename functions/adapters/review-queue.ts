import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { DomainValidationError } from '../domain/errors.ts';
import type { ReviewQueue } from '../domain/review-queues.ts';
import { dynamo, tableName } from './dynamo-client.ts';
import { queuePartition } from './keys.ts';

/** Narrows the queue's items (applied as a filter on each queue's index partition). */
export interface QueueFilter {
  kind?: string;
  jurisdiction?: string;
  infringementType?: string;
}

/** One queued item, as stored (the pending task, or the profile awaiting verification). */
export type QueueItem = Record<string, unknown> & { queue: ReviewQueue; sortKey: string };

type Position = Record<string, unknown> | 'done' | null;

/**
 * One page of the review queues merged into one list, most urgent first: each queue's index
 * partition (gsi2 `QUEUE#<queue>`, sorted by due time) is read from its own position, and the
 * pages are merged by due time. An item is only returned once no unread item of another queue
 * can come before it (with filters, a queue's read may stop early), so the merged order is exact
 * across pages. The cursor holds each queue's position.
 *
 * @throws DomainValidationError for a cursor that is malformed or not of these queues (→ 400).
 */
export async function queryReviewQueues(input: {
  queues: readonly ReviewQueue[];
  filter: QueueFilter;
  limit: number;
  cursor?: string;
}): Promise<{ items: QueueItem[]; nextCursor: string | null }> {
  const positions = decodePositions(input.cursor, input.queues);
  const reads = await Promise.all(
    input.queues.map(async (queue) => {
      const position = positions[queue] ?? null;
      if (position === 'done') return { queue, items: [] as QueueItem[], lastKey: undefined };
      return { queue, ...(await readQueue(queue, input.filter, input.limit, position)) };
    }),
  );
  // The frontier: no unread item of a queue with more to read sorts before its last read key.
  const frontier = reads
    .filter((read) => read.lastKey)
    .map((read) => String(read.lastKey!.gsi2sk))
    .sort()[0];
  const merged = reads
    .flatMap((read) => read.items)
    .filter((item) => frontier === undefined || item.sortKey <= frontier)
    .sort((a, b) => a.sortKey.localeCompare(b.sortKey) || a.queue.localeCompare(b.queue))
    .slice(0, input.limit);

  const next: Record<string, Position> = {};
  for (const read of reads) {
    const taken = merged.filter((item) => item.queue === read.queue);
    const lastTaken = taken.at(-1);
    const allTaken = taken.length === read.items.length;
    if (allTaken && !read.lastKey) next[read.queue] = 'done';
    else if (allTaken && read.lastKey) next[read.queue] = read.lastKey;
    else if (lastTaken) next[read.queue] = keyOf(lastTaken);
    else next[read.queue] = positions[read.queue] ?? null;
  }
  const more = Object.values(next).some((position) => position !== 'done');
  return { items: merged, nextCursor: more ? encodePositions(next) : null };
}

async function readQueue(
  queue: ReviewQueue,
  filter: QueueFilter,
  limit: number,
  startKey: Record<string, unknown> | null,
) {
  const conditions: string[] = [];
  const values: Record<string, unknown> = { ':pk': queuePartition(queue) };
  const names: Record<string, string> = {};
  for (const [field, value] of Object.entries(filter)) {
    if (value === undefined) continue;
    names[`#${field}`] = field;
    values[`:${field}`] = value;
    conditions.push(`#${field} = :${field}`);
  }
  const result = await dynamo.send(
    new QueryCommand({
      TableName: tableName,
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ...(conditions.length
        ? { FilterExpression: conditions.join(' AND '), ExpressionAttributeNames: names }
        : {}),
      ExpressionAttributeValues: values,
      ScanIndexForward: true,
      Limit: limit,
      ...(startKey ? { ExclusiveStartKey: startKey } : {}),
    }),
  );
  return {
    items: (result.Items ?? []).map(
      (item): QueueItem => ({ ...item, queue, sortKey: String(item.gsi2sk) }),
    ),
    lastKey: result.LastEvaluatedKey,
  };
}

/** The index key of an item: where its queue's next read starts. */
const keyOf = (item: QueueItem) => ({
  pk: item.pk,
  sk: item.sk,
  gsi2pk: item.gsi2pk,
  gsi2sk: item.gsi2sk,
});

function encodePositions(positions: Record<string, Position>): string {
  return Buffer.from(JSON.stringify(positions)).toString('base64url');
}

const invalidCursor = () =>
  new DomainValidationError('Invalid cursor', [
    { path: 'cursor', message: 'Not a cursor of this list' },
  ]);

/** A cursor's positions; every one must be a key of its own queue's partition. */
function decodePositions(
  cursor: string | undefined,
  queues: readonly ReviewQueue[],
): Record<string, Position> {
  if (!cursor) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw invalidCursor();
  const positions = parsed as Record<string, unknown>;
  for (const [queue, position] of Object.entries(positions)) {
    if (!(queues as readonly string[]).includes(queue)) throw invalidCursor();
    if (position === 'done' || position === null) continue;
    const key = position as Record<string, unknown>;
    const valid =
      typeof key === 'object' &&
      key.gsi2pk === queuePartition(queue) &&
      ['pk', 'sk', 'gsi2sk'].every((field) => typeof key[field] === 'string') &&
      Object.keys(key).length === 4;
    if (!valid) throw invalidCursor();
  }
  return positions as Record<string, Position>;
}
