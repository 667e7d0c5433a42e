import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { DeleteCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { RetainedCase } from '../domain/retention.ts';
import { getTimeline } from './case-store.ts';
import { queryDue } from './due-items.ts';
import { dynamo, tableName } from './dynamo-client.ts';
import { evidenceObjectKey } from './evidence-store.ts';
import { queryPartyAll } from './party-items.ts';
import { evidenceBucket, s3 } from './s3-client.ts';

/** A party whose personal data the service holds: a rights holder or a seller, by id. */
export interface Party {
  type: 'rights-holder' | 'seller';
  id: string;
}

/** What stands in for erased contact data: the item stays, its personal fields do not. */
export const ERASED = '[erased]';

export const RETENTION_DUE_PARTITION = 'RETENTION_DUE';
const partyKey = (party: Party) => `${party.type === 'seller' ? 'SELLER' : 'RH'}#${party.id}`;

/** Every case of a party, as the retention rule reads it. */
export async function partyCases(party: Party): Promise<(RetainedCase & { noticeId: string })[]> {
  const items =
    party.type === 'seller'
      ? await queryPartyAll(`SELLER#${party.id}`, 'CASE#')
      : await queryGsi('gsi3', `RH#${party.id}`, 'CASE#');
  return items.map((item) => ({
    caseId: item.caseId as string,
    noticeId: item.noticeId as string,
    status: item.status as RetainedCase['status'],
    jurisdiction: item.jurisdiction as RetainedCase['jurisdiction'],
    updatedAt: item.updatedAt as string,
    ...(item.closedAt ? { closedAt: item.closedAt as string } : {}),
    ...((item.decision as { at?: string } | undefined)?.at
      ? { decidedAt: (item.decision as { at: string }).at }
      : {}),
  }));
}

/** A case's timeline events that set or release a legal hold. */
export async function legalHoldEvents(caseId: string) {
  return (await getTimeline(caseId)).map(({ type, at }) => ({ type, at }));
}

/** Every item of a gsi partition under a sort-key prefix (all pages). */
async function queryGsi(
  index: string,
  partition: string,
  skPrefix: string,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamo.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: index,
        // DynamoDB refuses begins_with on an empty prefix: no prefix reads the whole partition.
        ...(skPrefix
          ? {
              KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
              ExpressionAttributeNames: { '#pk': `${index}pk`, '#sk': `${index}sk` },
              ExpressionAttributeValues: { ':pk': partition, ':prefix': skPrefix },
            }
          : {
              KeyConditionExpression: '#pk = :pk',
              ExpressionAttributeNames: { '#pk': `${index}pk` },
              ExpressionAttributeValues: { ':pk': partition },
            }),
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/** Everything the service holds about a party, for a data-subject access request (GDPR Art 15). */
export async function exportParty(party: Party): Promise<Record<string, unknown>> {
  const key = partyKey(party);
  const [profile] = await queryByKey(key, 'PROFILE');
  const cases = await partyCases(party);
  const evidence = await partyEvidence(party);
  const own =
    party.type === 'rights-holder'
      ? {
          notices: await queryPartyAll(key, 'NOTICE#'),
          ipRights: await queryPartyAll(key, 'IPR#'),
        }
      : {
          strikes: await queryByKey(key, 'STRIKE#'),
          counterNotices: (
            await Promise.all(cases.map((c) => queryByKey(`CASE#${c.caseId}`, 'COUNTER_NOTICE')))
          ).flat(),
        };
  return { party, profile: profile ?? null, cases, evidence, ...own };
}

async function queryByKey(pk: string, skPrefix: string): Promise<Record<string, unknown>[]> {
  const result = await dynamo.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix },
    }),
  );
  return result.Items ?? [];
}

/** The party's evidence records (a rights holder's, including those uploaded before registration). */
export async function partyEvidence(party: Party): Promise<Record<string, unknown>[]> {
  const owners = [`OWNER#${partyKey(party)}`];
  if (party.type === 'rights-holder') {
    const [profile] = await queryByKey(partyKey(party), 'PROFILE');
    if (typeof profile?.ownerSub === 'string') owners.push(`OWNER#SUB#${profile.ownerSub}`);
  }
  return (await Promise.all(owners.map((o) => queryPartyAll(o, 'EVIDENCE#')))).flat();
}

/** Evidence ids that prove an IP right of the rights holder that is still registered at `now`. */
export async function evidenceProvingRegisteredRights(
  party: Party,
  now: Date,
): Promise<Set<string>> {
  if (party.type !== 'rights-holder') return new Set();
  const rights = await queryPartyAll(partyKey(party), 'IPR#');
  return new Set(
    rights
      .filter(
        (r) =>
          r.status === 'verified' && (!r.validUntil || String(r.validUntil) > now.toISOString()),
      )
      .flatMap((r) => (r.proofEvidenceIds as string[] | undefined) ?? []),
  );
}

/**
 * Pseudonymises the party's contact data where it lives: the profile (a rights holder's address,
 * email, phone, and an individual's name; a seller's email), the signer's name on its notices, the
 * contact and signature of its counter-notices. Ids stay, so the timeline keeps its meaning.
 */
export async function pseudonymiseParty(party: Party, caseIds: readonly string[], at: string) {
  const key = partyKey(party);
  const erased: string[] = [];
  const update = async (
    pk: string,
    sk: string,
    expression: string,
    names: Record<string, string>,
  ) => {
    try {
      await dynamo.send(
        new UpdateCommand({
          TableName: tableName,
          Key: { pk, sk },
          UpdateExpression: `${expression}, #erasedAt = :at`,
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { ...names, '#erasedAt': 'erasedAt' },
          ExpressionAttributeValues: { ':erased': ERASED, ':at': at },
        }),
      );
      erased.push(`${pk}/${sk}`);
    } catch (error) {
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    }
  };
  if (party.type === 'rights-holder') {
    await update(key, 'PROFILE', 'SET #address = :erased, #email = :erased, #phone = :erased', {
      '#address': 'address',
      '#email': 'email',
      '#phone': 'phone',
    });
    for (const notice of await queryPartyAll(key, 'NOTICE#')) {
      await update(notice.pk as string, notice.sk as string, 'SET #sig.#name = :erased', {
        '#sig': 'signature',
        '#name': 'fullName',
      });
    }
  } else {
    await update(key, 'PROFILE', 'SET #email = :erased', { '#email': 'email' });
    for (const caseId of caseIds) {
      const [counterNotice] = await queryByKey(`CASE#${caseId}`, 'COUNTER_NOTICE');
      if (!counterNotice) continue;
      await update(`CASE#${caseId}`, 'COUNTER_NOTICE', 'SET #contact = :erased', {
        '#contact': 'contact',
      });
      if (counterNotice.signature) {
        await update(`CASE#${caseId}`, 'COUNTER_NOTICE', 'SET #sig.#name = :erased', {
          '#sig': 'signature',
          '#name': 'fullName',
        });
      }
    }
  }
  return erased;
}

/** Deletes an evidence object (every version the record knows) and marks its record erased. */
export async function deleteEvidence(record: Record<string, unknown>, at: string): Promise<void> {
  const evidenceId = record.evidenceId as string;
  const key = evidenceObjectKey(evidenceId);
  if (typeof record.versionId === 'string') {
    await s3.send(
      new DeleteObjectCommand({ Bucket: evidenceBucket, Key: key, VersionId: record.versionId }),
    );
  }
  await s3.send(new DeleteObjectCommand({ Bucket: evidenceBucket, Key: key }));
  await dynamo.send(
    new UpdateCommand({
      TableName: tableName,
      Key: { pk: record.pk, sk: record.sk },
      UpdateExpression: 'SET #status = :erased, #erasedAt = :at, #fileName = :erased',
      ExpressionAttributeNames: {
        '#status': 'status',
        '#erasedAt': 'erasedAt',
        '#fileName': 'fileName',
      },
      ExpressionAttributeValues: { ':erased': 'erased', ':at': at },
    }),
  );
}

/** Records what an erasure did and what it kept, and why (GDPR Art 17(3), 30). */
export async function recordErasure(party: Party, at: string, result: Record<string, unknown>) {
  await dynamo.send(
    new PutCommand({
      TableName: tableName,
      Item: {
        pk: `ERASURE#${partyKey(party)}`,
        sk: `AT#${at}`,
        type: 'Erasure',
        party,
        at,
        ...result,
      },
    }),
  );
}

/** Puts a party on the retention queue, due at `dueAt` (an existing entry is moved). */
export async function scheduleRetention(party: Party, dueAt: string): Promise<void> {
  await dynamo.send(
    new PutCommand({
      TableName: tableName,
      Item: {
        pk: `RETENTION#${partyKey(party)}`,
        sk: 'DUE',
        type: 'RetentionDue',
        party,
        dueAt,
        gsi2pk: RETENTION_DUE_PARTITION,
        gsi2sk: `${dueAt}#${partyKey(party)}`,
      },
    }),
  );
}

/** Takes a party off the retention queue. */
export async function unscheduleRetention(party: Party): Promise<void> {
  await dynamo.send(
    new DeleteCommand({
      TableName: tableName,
      Key: { pk: `RETENTION#${partyKey(party)}`, sk: 'DUE' },
    }),
  );
}

/** Parties due for a retention check at `now`, oldest first. */
export async function dueParties(now: Date, limit: number): Promise<Party[]> {
  return (await queryDue(RETENTION_DUE_PARTITION, now, limit)).map((item) => item.party as Party);
}

/** The parties of the cases filed on one day (gsi6), for the job's intake. */
export async function partiesOfCasesFiledOn(day: string): Promise<Party[]> {
  const cases = await queryGsi('gsi6', `CASEDAY#${day}`, '');
  const parties = new Map<string, Party>();
  for (const c of cases) {
    parties.set(`RH#${c.rightsHolderId}`, {
      type: 'rights-holder',
      id: c.rightsHolderId as string,
    });
    if (c.sellerId)
      parties.set(`SELLER#${c.sellerId}`, { type: 'seller', id: c.sellerId as string });
  }
  return [...parties.values()];
}

const INTAKE_KEY = { pk: 'RETENTION#INTAKE', sk: 'CURSOR' };

/** The last filing day the intake has queued the parties of, if any. */
export async function intakeCursor(): Promise<string | undefined> {
  const [item] = await queryByKey(INTAKE_KEY.pk, INTAKE_KEY.sk);
  return item?.day as string | undefined;
}

export async function setIntakeCursor(day: string): Promise<void> {
  await dynamo.send(new PutCommand({ TableName: tableName, Item: { ...INTAKE_KEY, day } }));
}
