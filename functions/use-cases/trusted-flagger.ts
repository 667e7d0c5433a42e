import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from '../adapters/dynamo-client.ts';
import { keys } from '../adapters/keys.ts';
import { standingEventItem } from '../adapters/notifier-standing.ts';

/**
 * Records a Digital Services Coordinator's award of trusted-flagger status (DSA Art 22), or its
 * revocation, on the rights holder, with an event on its standing timeline. The status gives its
 * notices priority and the Transparency Database source `SOURCE_TRUSTED_FLAGGER`; only a
 * coordinator awards it, so only an admin records it, citing the coordinator's reference.
 */
export async function recordTrustedFlagger(input: {
  rightsHolderId: string;
  status: 'granted' | 'revoked';
  coordinator: string;
  reference: string;
  areas: string[];
  adminId: string;
  at: string;
}): Promise<void> {
  const award = {
    coordinator: input.coordinator,
    reference: input.reference,
    areas: input.areas,
    since: input.at,
  };
  await dynamo.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Update: {
            TableName: tableName,
            Key: keys.rightsHolder(input.rightsHolderId),
            ConditionExpression: 'attribute_exists(pk)',
            ...(input.status === 'granted'
              ? {
                  UpdateExpression: 'SET trustedFlagger = :award',
                  ExpressionAttributeValues: { ':award': award },
                }
              : { UpdateExpression: 'REMOVE trustedFlagger' }),
          },
        },
        {
          Put: {
            TableName: tableName,
            Item: standingEventItem(input.rightsHolderId, {
              at: input.at,
              type:
                input.status === 'granted' ? 'trusted_flagger_granted' : 'trusted_flagger_revoked',
              actor: { role: 'admin', id: input.adminId },
              detail: {
                coordinator: input.coordinator,
                reference: input.reference,
                areas: input.areas,
              },
            }),
          },
        },
      ],
    }),
  );
}
