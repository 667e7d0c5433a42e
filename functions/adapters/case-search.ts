import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { DomainValidationError } from '../domain/errors.ts';
import { dynamo, tableName } from './dynamo-client.ts';
import { statusPartition } from './keys.ts';

/** What GET /v1/cases may filter on (all optional; `from`/`to` bound the filing time). */
export interface CaseSearch {
  status?: string;
  jurisdiction?: string;
  sellerId?: string;
  rightsHolderId?: string;
  listingId?: string;
  noticeId?: string;
  /** Case-folded substring of the listing's title or id. */
  q?: string;
  from: string;
  to: string;
}

/** How a search reads: one index partition, or a day partition after another. */
type IndexPlan = { index: 'gsi1' | 'gsi3' | 'gsi4' | 'gsi5'; partition: string; skPrefix: string };
type Plan = IndexPlan | { index: 'gsi6' };

/** How many empty days one request may read through before it answers with what it has. */
const DAYS_PER_REQUEST = 31;

/**
 * One page of cases matching a search, newest first, from the most selective index: a listing's
 * cases (gsi5), a seller's (gsi1), a rights holder's (gsi3), a status's (gsi4), else day by day of
 * filing (gsi6). The filing-time range bounds the sort key; the other filters apply to the
 * partition read. Nothing scans the table.
 *
 * @throws DomainValidationError for a cursor that is malformed or belongs to another search.
 */
export async function searchCases(
  search: CaseSearch,
  limit: number,
  cursor?: string,
): Promise<{ items: Record<string, unknown>[]; nextCursor: string | null }> {
  const plan = planOf(search);
  const position = decodePosition(cursor, plan);
  if (plan.index !== 'gsi6') {
    const page = await readPartition(plan, search, limit, position.key);
    return {
      items: page.items,
      nextCursor: page.lastKey ? encodePosition({ key: page.lastKey }) : null,
    };
  }
  const items: Record<string, unknown>[] = [];
  let day = position.day ?? search.to.slice(0, 10);
  let key = position.key;
  // Without a narrower index, a search reads at most a year of days back from `to`.
  const yearBefore = new Date(Date.parse(search.to) - 366 * 86_400_000).toISOString();
  const firstDay = (search.from > yearBefore ? search.from : yearBefore).slice(0, 10);
  for (let read = 0; read < DAYS_PER_REQUEST && day >= firstDay; read++) {
    const page = await readPartition(
      { index: 'gsi6', partition: `CASEDAY#${day}`, skPrefix: '' },
      search,
      limit - items.length,
      key,
    );
    items.push(...page.items);
    if (page.lastKey) return { items, nextCursor: encodePosition({ day, key: page.lastKey }) };
    day = previousDay(day);
    key = undefined;
    if (items.length >= limit) break;
  }
  return { items, nextCursor: day >= firstDay ? encodePosition({ day }) : null };
}

function planOf(search: CaseSearch): Plan {
  if (search.listingId)
    return { index: 'gsi5', partition: `LISTING#${search.listingId}`, skPrefix: '' };
  if (search.sellerId)
    return { index: 'gsi1', partition: `SELLER#${search.sellerId}`, skPrefix: 'CASE#' };
  if (search.rightsHolderId)
    return { index: 'gsi3', partition: `RH#${search.rightsHolderId}`, skPrefix: 'CASE#' };
  if (search.status)
    return { index: 'gsi4', partition: statusPartition(search.status), skPrefix: '' };
  return { index: 'gsi6' };
}

async function readPartition(
  plan: IndexPlan | { index: 'gsi6'; partition: string; skPrefix: string },
  search: CaseSearch,
  limit: number,
  startKey: Record<string, unknown> | undefined,
) {
  const pk = `${plan.index}pk`;
  const sk = `${plan.index}sk`;
  const names: Record<string, string> = { '#pk': pk, '#sk': sk };
  const values: Record<string, unknown> = {
    ':pk': plan.partition,
    ':from': `${plan.skPrefix}${search.from}`,
    // Every sort key of an instant in range sorts before `<to>~` (`~` follows `#`).
    ':to': `${plan.skPrefix}${search.to}~`,
  };
  const filters: string[] = [];
  const filter = (field: string, value: string | undefined, expression?: string) => {
    if (value === undefined) return;
    names[`#${field}`] = field;
    values[`:${field}`] = value;
    filters.push(expression ?? `#${field} = :${field}`);
  };
  // Filters the chosen partition already implies are skipped.
  if (plan.index !== 'gsi4') filter('status', search.status);
  filter('jurisdiction', search.jurisdiction);
  if (plan.index !== 'gsi1') filter('sellerId', search.sellerId);
  if (plan.index !== 'gsi3') filter('rightsHolderId', search.rightsHolderId);
  if (plan.index !== 'gsi5') filter('listingId', search.listingId);
  filter('noticeId', search.noticeId);
  filter('searchText', search.q?.toLowerCase(), 'contains(#searchText, :searchText)');
  const result = await dynamo.send(
    new QueryCommand({
      TableName: tableName,
      IndexName: plan.index,
      KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
      ...(filters.length ? { FilterExpression: filters.join(' AND ') } : {}),
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
      ScanIndexForward: false,
      Limit: limit,
      ...(startKey ? { ExclusiveStartKey: startKey } : {}),
    }),
  );
  return { items: result.Items ?? [], lastKey: result.LastEvaluatedKey };
}

function previousDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

interface Position {
  day?: string;
  key?: Record<string, unknown>;
}

function encodePosition(position: Position): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

const invalidCursor = () =>
  new DomainValidationError('Invalid cursor', [
    { path: 'cursor', message: 'Not a cursor of this search' },
  ]);

/** A cursor's position, which must lie in the partition the search reads. */
function decodePosition(cursor: string | undefined, plan: Plan): Position {
  if (!cursor) return {};
  let position: Position;
  try {
    position = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Position;
  } catch {
    throw invalidCursor();
  }
  if (!position || typeof position !== 'object' || Array.isArray(position)) throw invalidCursor();
  const { day, key } = position;
  if (day !== undefined && (plan.index !== 'gsi6' || !/^\d{4}-\d{2}-\d{2}$/.test(String(day))))
    throw invalidCursor();
  if (key !== undefined) {
    const partition = 'partition' in plan ? plan.partition : `CASEDAY#${day}`;
    const pk = `${plan.index}pk`;
    const valid =
      key !== null &&
      typeof key === 'object' &&
      key[pk] === partition &&
      Object.values(key).every((value) => typeof value === 'string') &&
      Object.keys(key).length === 4;
    if (!valid) throw invalidCursor();
  }
  return position;
}
