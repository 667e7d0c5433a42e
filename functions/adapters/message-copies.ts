import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Locale } from '../domain/locale.ts';
import type { RecipientRole } from '../domain/ports/notifier.ts';
import { getItem } from './case-store.ts';
import { dynamo, tableName } from './dynamo-client.ts';
import { keys } from './keys.ts';

/**
 * A message about a case as it was rendered for its recipient, kept so the recipient can read it
 * again later (the seller centre shows the statement of reasons): the text it got, not a
 * re-rendering with today's templates. No address: the party's contact lives on its own record.
 */
export interface MessageCopy {
  caseId: string;
  template: string;
  role: RecipientRole;
  locale: Locale;
  timeZone: string;
  subject: string;
  html: string;
  text: string;
  renderedAt: string;
}

/** Keeps the copy (a retried step writes the same copy again). */
export async function putMessageCopy(copy: MessageCopy): Promise<void> {
  await dynamo.send(
    new PutCommand({
      TableName: tableName,
      Item: {
        ...keys.messageCopy(copy.caseId, copy.template, copy.role),
        type: 'MessageCopy',
        ...copy,
      },
    }),
  );
}

/** The copy of a message sent about a case to a party, if one was kept. */
export const getMessageCopy = (caseId: string, template: string, role: RecipientRole) =>
  getItem<MessageCopy>(keys.messageCopy(caseId, template, role));
