import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { type DurationBuckets, durationBucket } from '../domain/duration-sketch.ts';
import type { DurationMetric, Tally } from '../domain/transparency-counts.ts';
import { dynamo, tableName } from './dynamo-client.ts';

/**
 * Transparency counters, kept as the work happens (DSA Arts 15, 24; ARCHITECTURE.md "counts are
 * kept as the work happens"), added from the tallies the domain-event outbox carries.
 *
 * | Item                     | pk                               | sk                 |
 * |--------------------------|----------------------------------|--------------------|
 * | Day counters (a shard)   | TSTATS#<shard>                   | DAY#<yyyy-mm-dd>   |
 * | Month counters (a shard) | TSTATS#<shard>                   | MONTH#<yyyy-mm>    |
 * | Re-offence cohort (day)  | TCOHORT#<shard>                  | DAY#<yyyy-mm-dd>   |
 * | Distinct marker          | TDISTINCT#<metric>#<yyyy>#<id>   | MARK               |
 * | Seller's cohort entry    | TSELLER#<sellerId>               | REOFFENCE          |
 *
 * Idempotency: the outbox item of the event is the marker. A tally is added in one transaction
 * with `SET counted` on that item (or its deletion, when nothing else waits on it), conditional
 * on it existing and not being counted yet, so an event delivered twice (the step's own delivery
 * racing the relay, a retried delivery) counts once, and an event never delivered stays in the
 * outbox until the relay counts it.
 *
 * Hot keys: a counter item takes at most ~1,000 writes a second, and each write costs its size in
 * KB. Counters are spread over SHARDS items by a hash of the event's subject (the case), so a
 * day's writes spread over SHARDS partition keys. Each event adds to its day's item and its
 * month's item (the same transaction): a report reads whole months from month items and only the
 * ragged ends of its period from day items, so a year is SHARDS × 12 items, never a case.
 */
export const SHARDS = 16;

const counterName = (name: string) => `c:${name}`;
const bucketName = (metric: DurationMetric, bucket: number) => `h:${metric}:${bucket}`;

export function shardOf(id: string): number {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) | 0;
  return Math.abs(hash) % SHARDS;
}

const shardPk = (family: 'TSTATS' | 'TCOHORT', shard: number) =>
  `${family}#${String(shard).padStart(2, '0')}`;

/**
 * The update that adds to each counter (and duration bucket) of a shard's day, or month
 * (`MONTH`), or the re-offence cohort's day (`COHORT`).
 */
export function increments(
  day: string,
  shard: number,
  counters: readonly string[],
  durations: Tally['durations'] = [],
  /** What each counter adds (1 per event; the benchmark seeds days in bulk). */
  amount = 1,
  item: 'DAY' | 'MONTH' | 'COHORT' = 'DAY',
) {
  const names: Record<string, string> = {};
  const adds = new Map<string, string>();
  const values: Record<string, unknown> = { ':day': item === 'MONTH' ? day.slice(0, 7) : day };
  const add = (name: string, value: ':n' | ':one') => {
    if (adds.has(name)) return;
    values[value] = value === ':n' ? amount : 1;
    const alias = `#a${adds.size}`;
    names[alias] = name;
    adds.set(name, `${alias} ${value}`);
  };
  for (const counter of counters) add(counterName(counter), ':n');
  for (const { metric, seconds } of durations)
    add(bucketName(metric, durationBucket(seconds)), ':one');
  return {
    TableName: tableName,
    Key:
      item === 'MONTH'
        ? { pk: shardPk('TSTATS', shard), sk: `MONTH#${day.slice(0, 7)}` }
        : { pk: shardPk(item === 'COHORT' ? 'TCOHORT' : 'TSTATS', shard), sk: `DAY#${day}` },
    UpdateExpression: `SET #day = :day ADD ${[...adds.values()].join(', ')}`,
    ExpressionAttributeNames: { ...names, '#day': 'day' },
    ExpressionAttributeValues: values,
  };
}

/** A day's and its month's increments, for one transaction. */
function dayAndMonth(
  day: string,
  shard: number,
  counters: readonly string[],
  durations: Tally['durations'] = [],
) {
  return [
    { Update: increments(day, shard, counters, durations) },
    { Update: increments(day, shard, counters, durations, 1, 'MONTH') },
  ];
}

const isConditionFailure = (error: unknown) =>
  error instanceof TransactionCanceledException &&
  (error.CancellationReasons ?? []).some((reason) => reason.Code === 'ConditionalCheckFailed');

/** Increments behind a marker Put, once; false when the marker was there. */
async function onceBehind(
  marker: { pk: string; sk: string } & Record<string, unknown>,
  updates: readonly { Update: ReturnType<typeof increments> }[],
): Promise<boolean> {
  try {
    await dynamo.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName,
              Item: { ...marker, type: 'TransparencyMark' },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          ...updates,
        ],
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

const distinctKey = (metric: string, day: string, id: string) => ({
  pk: `TDISTINCT#${metric}#${day.slice(0, 4)}#${id}`,
  sk: 'MARK',
});

/** The distinct ids of a tally not counted yet this year (their markers are absent). */
async function firstSeen(tally: Tally): Promise<Tally['distinct']> {
  const seen = await Promise.all(
    tally.distinct.map(async (d) => {
      const marker = await dynamo.send(
        new GetCommand({
          TableName: tableName,
          Key: distinctKey(d.metric, tally.day, d.id),
          ConsistentRead: true,
        }),
      );
      return marker.Item ? null : d;
    }),
  );
  return seen.filter((d) => d !== null);
}

/**
 * Adds an outbox item's tally to the counters, once (see above); with `deleteItem`, the same
 * transaction deletes the outbox item instead of marking it (nothing else waits on it). Distinct
 * counts (notices, sellers: once a year) join that transaction with their own markers when a read
 * finds them new; a marker written meanwhile cancels it, and it is tried again. The re-offence
 * cohort goes first, idempotent on its own marker, so a crash before the count is repaired by the
 * next delivery. Answers false when it was counted before.
 */
export async function countTally(
  outboxKey: { pk: string; sk: string },
  tally: Tally,
  at: string,
  { deleteItem = false }: { deleteItem?: boolean } = {},
): Promise<boolean> {
  const shard = shardOf(outboxKey.pk);
  if (tally.strike?.warning) await enterCohort(tally.strike, at);
  else if (tally.strike) await recordReoffence(tally.strike, at);
  // The marker: counted now, or (when nothing else waits on the item) done and deleted.
  const condition = 'attribute_exists(pk) AND attribute_not_exists(counted)';
  const marker = deleteItem
    ? { Delete: { TableName: tableName, Key: outboxKey, ConditionExpression: condition } }
    : {
        Update: {
          TableName: tableName,
          Key: outboxKey,
          UpdateExpression: 'SET counted = :at',
          ConditionExpression: condition,
          ExpressionAttributeValues: { ':at': at },
        },
      };
  for (let attempt = 1; ; attempt++) {
    const fresh = await firstSeen(tally);
    const counters = [...tally.counters, ...fresh.map((d) => d.metric)];
    if (counters.length === 0 && tally.durations.length === 0) return true;
    try {
      await dynamo.send(
        new TransactWriteCommand({
          TransactItems: [
            marker,
            ...dayAndMonth(tally.day, shard, counters, tally.durations),
            ...fresh.map((d) => ({
              Put: {
                TableName: tableName,
                Item: { ...distinctKey(d.metric, tally.day, d.id), type: 'TransparencyMark' },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            })),
          ],
        }),
      );
      return true;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const reasons = (error as TransactionCanceledException).CancellationReasons ?? [];
      // The outbox item's condition: counted (or delivered) before.
      if (reasons[0]?.Code === 'ConditionalCheckFailed') return false;
      if (attempt >= 3) throw error;
    }
  }
}

/** The re-offence window after a first warning (the seed's "stop after the first warning"). */
export const REOFFENCE_WINDOW_DAYS = 183;

/** A seller's first warning: enters the cohort of its day (once per seller). */
async function enterCohort(warning: { sellerId: string; strikeId: string }, at: string) {
  await onceBehind(
    {
      pk: `TSELLER#${warning.sellerId}`,
      sk: 'REOFFENCE',
      firstWarnedAt: at,
      warnStrikeId: warning.strikeId,
    },
    [
      {
        Update: increments(
          at.slice(0, 10),
          shardOf(warning.sellerId),
          ['cohort_warned'],
          [],
          1,
          'COHORT',
        ),
      },
    ],
  );
}

/**
 * A new strike within six months of the seller's first warning: marks the seller re-offended
 * (once) and counts it on the day of that warning, so a period's cohort reads its own rate.
 */
async function recordReoffence(strike: { sellerId: string; strikeId: string }, at: string) {
  const cohort = await dynamo.send(
    new GetCommand({
      TableName: tableName,
      Key: { pk: `TSELLER#${strike.sellerId}`, sk: 'REOFFENCE' },
      ConsistentRead: true,
    }),
  );
  const warnedAt = cohort.Item?.firstWarnedAt as string | undefined;
  if (!warnedAt || cohort.Item?.warnStrikeId === strike.strikeId) return;
  const windowStart = new Date(Date.parse(at) - REOFFENCE_WINDOW_DAYS * 86_400_000).toISOString();
  if (warnedAt >= at || warnedAt < windowStart) return;
  try {
    await dynamo.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: tableName,
              Key: { pk: `TSELLER#${strike.sellerId}`, sk: 'REOFFENCE' },
              UpdateExpression: 'SET reoffendedAt = :at, reoffenceStrikeId = :sid',
              ConditionExpression: 'attribute_not_exists(reoffendedAt)',
              ExpressionAttributeValues: { ':at': at, ':sid': strike.strikeId },
            },
          },
          {
            Update: increments(
              warnedAt.slice(0, 10),
              shardOf(strike.sellerId),
              ['cohort_reoffended'],
              [],
              1,
              'COHORT',
            ),
          },
        ],
      }),
    );
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}

/** Counters and duration buckets added up over a period. */
export interface CounterTotals {
  counters: Map<string, number>;
  durations: Record<DurationMetric, DurationBuckets>;
  /** Counters of the days before `splitDay` only (the re-offence cohort of the first half). */
  firstHalf: Map<string, number>;
  itemsRead: number;
}

/** Every item of a partition with a sort key in [from, to], page by page. */
export async function queryRange(pk: string, from: string, to: string) {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamo.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': pk, ':from': from, ':to': to },
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

const nextDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const previousDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/**
 * The key ranges that cover [from, to]: the whole months in it as month items, and its ragged
 * ends as day items.
 */
export function coveringRanges(from: string, to: string): { from: string; to: string }[] {
  const monthStart = (month: string) => `${month}-01`;
  // The first month starting on or after `from`, and the last ending on or before `to`.
  const first = from.slice(8) === '01' ? from.slice(0, 7) : nextMonth(from.slice(0, 7));
  const last = nextDay(to).slice(8) === '01' ? to.slice(0, 7) : previousMonth(to.slice(0, 7));
  if (first > last) return [{ from: `DAY#${from}`, to: `DAY#${to}` }];
  const ranges = [{ from: `MONTH#${first}`, to: `MONTH#${last}` }];
  if (from < monthStart(first))
    ranges.push({ from: `DAY#${from}`, to: `DAY#${previousDay(monthStart(first))}` });
  const afterLast = monthStart(nextMonth(last));
  if (afterLast <= to) ranges.push({ from: `DAY#${afterLast}`, to: `DAY#${to}` });
  return ranges;
}

function nextMonth(month: string): string {
  const d = new Date(`${month}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 7);
}
function previousMonth(month: string): string {
  const d = new Date(`${month}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 7);
}

/**
 * Adds up the counters of [from, to] (UTC days, inclusive): whole months from month items, the
 * ends from day items, and the re-offence cohort of the days before `splitDay` (one query per
 * shard and range, in parallel).
 */
export async function readCounterTotals(
  from: string,
  to: string,
  splitDay: string,
): Promise<CounterTotals> {
  const totals: CounterTotals = {
    counters: new Map(),
    durations: { time_to_act: new Map(), appeal_handling: new Map() },
    firstHalf: new Map(),
    itemsRead: 0,
  };
  const shards = Array.from({ length: SHARDS }, (_, shard) => shard);
  const ranges = coveringRanges(from, to);
  const [stats, cohort] = await Promise.all([
    Promise.all(
      shards.flatMap((shard) =>
        ranges.map((range) => queryRange(shardPk('TSTATS', shard), range.from, range.to)),
      ),
    ),
    Promise.all(
      splitDay > from
        ? shards.map((shard) =>
            queryRange(shardPk('TCOHORT', shard), `DAY#${from}`, `DAY#${previousDay(splitDay)}`),
          )
        : [],
    ),
  ]);
  const addTo = (into: Map<string, number>, name: string, value: number) =>
    into.set(name, (into.get(name) ?? 0) + value);
  for (const item of stats.flat()) {
    totals.itemsRead++;
    for (const [name, value] of Object.entries(item)) {
      if (typeof value !== 'number') continue;
      if (name.startsWith('c:')) addTo(totals.counters, name.slice(2), value);
      else if (name.startsWith('h:')) {
        const [, metric, bucket] = name.split(':') as [string, DurationMetric, string];
        const buckets = totals.durations[metric];
        if (buckets) buckets.set(Number(bucket), (buckets.get(Number(bucket)) ?? 0) + value);
      }
    }
  }
  for (const item of cohort.flat()) {
    totals.itemsRead++;
    for (const [name, value] of Object.entries(item)) {
      if (typeof value === 'number' && name.startsWith('c:'))
        addTo(totals.firstHalf, name.slice(2), value);
    }
  }
  return totals;
}
