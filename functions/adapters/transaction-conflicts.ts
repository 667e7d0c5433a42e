import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** Attempts of one transaction cancelled only by contention, before the caller sees the error. */
export const CONFLICT_ATTEMPTS = 5;

/** Whether DynamoDB cancelled a transaction for contention alone (no condition failed). */
export function isOnlyConflict(error: unknown): boolean {
  if (!(error instanceof TransactionCanceledException)) return false;
  const codes = (error.CancellationReasons ?? []).map((reason) => reason.Code ?? 'None');
  return (
    codes.some((code) => code === 'TransactionConflict') &&
    codes.every((code) => code === 'TransactionConflict' || code === 'None')
  );
}

/** Transactions retried after a conflict, since the module loaded (for benchmarks and tests). */
export const conflictRetries = { count: 0 };

/**
 * Retries a TransactWriteItems that DynamoDB cancelled for contention only (`TransactionConflict`,
 * another transaction on the same item): the whole transaction was cancelled and its conditions
 * are evaluated again, so a retry is safe. The SDK's own retry strategy does not cover it.
 * Cancellations with a failed condition reach the caller at once.
 */
export function retryTransactionConflicts(client: DynamoDBDocumentClient): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName !== 'TransactWriteItemsCommand') return next(args);
      for (let attempt = 1; ; attempt++) {
        try {
          return await next(args);
        } catch (error) {
          if (attempt >= CONFLICT_ATTEMPTS || !isOnlyConflict(error)) throw error;
          conflictRetries.count++;
          const ceiling = 25 * 2 ** attempt;
          await new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
        }
      }
    },
    { step: 'initialize', name: 'retryTransactionConflicts' },
  );
}
