import { appendFileSync } from 'node:fs';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import type { TransparencyDatabaseRecord } from '../domain/transparency-database.ts';
import { batchErrors } from '../domain/transparency-database-rules.ts';
import { queryDue } from './due-items.ts';
import { dynamo, tableName } from './dynamo-client.ts';
import { loadEnv } from './env.ts';
import { logger } from './logger.ts';
import { queryRange } from './transparency-counters.ts';

const env = loadEnv({
  /** `true` in the local cloud and the tests: a statement the database would refuse fails its step. */
  TRANSPARENCY_STRICT: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => value === 'true'),
  /** Tests only: a file each validation appends `<puid> valid|invalid` to (the suites' counts). */
  TRANSPARENCY_VALIDATION_LOG: z.string().min(1).optional(),
});

/**
 * The EU statements of reasons for the DSA Transparency Database (Art 24(5)), kept as they are
 * produced, in the database's shape and already validated with its documented rules.
 *
 * | Item       | pk                   | sk                  | gsi2 (pending submission)         |
 * |------------|----------------------|---------------------|-----------------------------------|
 * | Statement  | TDBSTMT#<yyyy-mm>    | <yyyy-mm-dd>#<puid> | TDB_PENDING / <at>#<puid>          |
 *
 * A statement is written once per `puid` (conditional), in the transaction of the step that sends
 * the statement of reasons to the seller. It leaves the pending partition once the database
 * accepted it (`submittedAt`), so it is never submitted twice by this service; a `puid` is never
 * reused (it is derived from the case and its epoch).
 */
export const TDB_PENDING_PARTITION = 'TDB_PENDING';

export class InvalidStatement extends Error {
  override name = 'InvalidStatement';
}

/** The puid of a case's statement: the case and its epoch (a re-opened case decides anew). */
export const puidOf = (caseId: string, epoch = 0) =>
  `${caseId.replace(/[^A-Za-z0-9_-]/g, '_')}-e${epoch}`;

/**
 * The write that keeps a statement for submission. A statement that fails the database's rules
 * is refused here: in strict mode (local cloud, tests) it throws; deployed, it is kept as
 * `invalid` with its errors and an alarm, never sent, and never blocks the seller's notice.
 */
export function statementItem(statement: TransparencyDatabaseRecord, at: string) {
  const errors = batchErrors([statement]).statement_0;
  if (env.TRANSPARENCY_VALIDATION_LOG)
    appendFileSync(
      env.TRANSPARENCY_VALIDATION_LOG,
      `${statement.puid} ${errors ? 'invalid' : 'valid'}\n`,
    );
  if (errors) {
    if (env.TRANSPARENCY_STRICT)
      throw new InvalidStatement(
        `statement ${statement.puid} fails the Transparency Database's rules: ${JSON.stringify(errors)}`,
      );
    logger.error('statement of reasons fails the Transparency Database rules', {
      puid: statement.puid,
      fields: Object.keys(errors),
      alarm: 'TransparencyStatementInvalid',
    });
  }
  const day = statement.application_date;
  return {
    Put: {
      TableName: tableName,
      Item: {
        pk: `TDBSTMT#${day.slice(0, 7)}`,
        sk: `${day}#${statement.puid}`,
        type: 'TransparencyStatement',
        puid: statement.puid,
        statement,
        createdAt: at,
        ...(errors
          ? { invalid: errors }
          : { gsi2pk: TDB_PENDING_PARTITION, gsi2sk: `${at}#${statement.puid}` }),
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  const cursor = new Date(`${from.slice(0, 7)}-01T00:00:00Z`);
  while (cursor.toISOString().slice(0, 7) <= to.slice(0, 7)) {
    months.push(cursor.toISOString().slice(0, 7));
    cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  return months;
}

/** The valid statements decided in [from, to] (UTC days), oldest first. */
export async function listStatements(
  from: string,
  to: string,
): Promise<TransparencyDatabaseRecord[]> {
  const months = await Promise.all(
    monthsBetween(from, to).map((month) => queryRange(`TDBSTMT#${month}`, `${from}#`, `${to}#~`)),
  );
  return months
    .flat()
    .filter((item) => !item.invalid)
    .map((item) => item.statement as TransparencyDatabaseRecord);
}

/** A statement waiting for submission. */
export interface PendingStatement {
  key: { pk: string; sk: string };
  statement: TransparencyDatabaseRecord;
  attempts: number;
}

/** Statements not yet accepted by the database, oldest first. */
export async function listPendingStatements(limit: number): Promise<PendingStatement[]> {
  const items = await queryDue(TDB_PENDING_PARTITION, new Date('9999-01-01T00:00:00Z'), limit);
  return items.map((item) => ({
    key: { pk: String(item.pk), sk: String(item.sk) },
    statement: item.statement as TransparencyDatabaseRecord,
    attempts: Number(item.attempts ?? 0),
  }));
}

/** The database accepted these: they leave the pending partition (never sent again). */
export async function markSubmitted(
  statements: readonly PendingStatement[],
  at: string,
): Promise<void> {
  for (const { key } of statements) {
    await dynamo.send(
      new UpdateCommand({
        TableName: tableName,
        Key: key,
        UpdateExpression: 'SET submittedAt = :at REMOVE gsi2pk, gsi2sk',
        ExpressionAttributeValues: { ':at': at },
      }),
    );
  }
}

/** A failed submission: counted on each statement; past `maxAttempts` it is dead-lettered. */
export async function markFailed(
  statements: readonly PendingStatement[],
  error: string,
  maxAttempts: number,
  at: string,
): Promise<number> {
  let deadLettered = 0;
  for (const { key, attempts } of statements) {
    const dead = attempts + 1 >= maxAttempts;
    if (dead) deadLettered++;
    await dynamo.send(
      new UpdateCommand({
        TableName: tableName,
        Key: key,
        UpdateExpression: dead
          ? 'SET attempts = :n, lastError = :error, deadLetteredAt = :at, gsi2pk = :dead'
          : 'SET attempts = :n, lastError = :error',
        ExpressionAttributeValues: {
          ':n': attempts + 1,
          ':error': error.slice(0, 1000),
          ...(dead ? { ':at': at, ':dead': TDB_DEAD_LETTER_PARTITION } : {}),
        },
      }),
    );
  }
  return deadLettered;
}

/** Statements the database refused past every retry: for an operator (alarm). */
export const TDB_DEAD_LETTER_PARTITION = 'TDB_DEAD_LETTER';
