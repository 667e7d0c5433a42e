import { BatchGetCommand, type BatchGetCommandOutput, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { DomainValidationError } from '../domain/errors.ts';
import { dynamo, tableName } from './dynamo-client.ts';

/** One page of a party's items and the opaque cursor of the next (API.md, Pagination). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const KEY_ATTRIBUTES = ['pk', 'sk', 'gsi1pk', 'gsi1sk'] as const;

/**
 * One page of a party's items on gsi1 (`<party>` / `<PREFIX>#<at>#<id>`), newest first. The cursor
 * is the page's last key, encoded; a cursor that does not belong to this partition (forged, or from
 * another list) is refused as invalid input rather than trusted.
 *
 * @throws DomainValidationError for a malformed or foreign cursor (→ 400).
 */
export async function queryPartyPage(input: {
  partition: string;
  skPrefix: string;
  limit: number;
  cursor?: string;
}): Promise<Page<Record<string, unknown>>> {
  const startKey = decodeCursor(input.cursor, input.partition, input.skPrefix);
  const result = await dynamo.send(
    new QueryCommand({
      TableName: tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
      ExpressionAttributeValues: { ':pk': input.partition, ':prefix': input.skPrefix },
      ScanIndexForward: false,
      Limit: input.limit,
      ...(startKey ? { ExclusiveStartKey: startKey } : {}),
    }),
  );
  return {
    items: result.Items ?? [],
    nextCursor: result.LastEvaluatedKey ? encodeCursor(result.LastEvaluatedKey) : null,
  };
}

/** Every item of a party's gsi1 partition under a prefix (all pages). */
export async function queryPartyAll(
  partition: string,
  skPrefix: string,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let cursor: string | undefined;
  do {
    const page = await queryPartyPage({ partition, skPrefix, limit: 100, cursor });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

function encodeCursor(key: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

function decodeCursor(
  cursor: string | undefined,
  partition: string,
  skPrefix: string,
): Record<string, string> | undefined {
  if (cursor === undefined) return undefined;
  const invalid = () =>
    new DomainValidationError('Invalid cursor', [
      { path: 'cursor', message: 'Not a cursor of this list' },
    ]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw invalid();
  const entries = Object.entries(parsed as Record<string, unknown>);
  const valid =
    entries.length === KEY_ATTRIBUTES.length &&
    entries.every(
      ([name, value]) =>
        (KEY_ATTRIBUTES as readonly string[]).includes(name) && typeof value === 'string',
    );
  const key = parsed as Record<string, string>;
  if (!valid || key.gsi1pk !== partition || !key.gsi1sk?.startsWith(skPrefix)) throw invalid();
  return key;
}

/**
 * Reads items by key, 100 at a time, retrying what DynamoDB leaves unprocessed. Missing items are
 * simply absent from the result.
 */
export async function batchGetItems(
  itemKeys: readonly { pk: string; sk: string }[],
  attributes: readonly string[],
): Promise<Record<string, unknown>[]> {
  const names = Object.fromEntries(attributes.map((name, i) => [`#a${i}`, name]));
  const projection = Object.keys(names).join(', ');
  const items: Record<string, unknown>[] = [];
  for (let i = 0; i < itemKeys.length; i += 100) {
    let pending: Record<string, unknown>[] | undefined = itemKeys.slice(i, i + 100);
    for (let attempt = 0; pending && pending.length > 0; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 50 * 2 ** attempt)));
      const result: BatchGetCommandOutput = await dynamo.send(
        new BatchGetCommand({
          RequestItems: {
            [tableName]: {
              Keys: pending,
              ...(attributes.length
                ? { ProjectionExpression: projection, ExpressionAttributeNames: names }
                : {}),
            },
          },
        }),
      );
      items.push(...(result.Responses?.[tableName] ?? []));
      pending = result.UnprocessedKeys?.[tableName]?.Keys;
    }
  }
  return items;
}
