import { AdminUpdateUserAttributesCommand } from '@aws-sdk/client-cognito-identity-provider';
import * as z from 'zod';
import { cognito } from './cognito-client.ts';
import { loadEnv } from './env.ts';

const env = loadEnv({ USER_POOL_ID: z.string().min(1).optional() });

/** The one attribute the service writes: a rights holder id as the registry mints it. */
const RIGHTS_HOLDER_ID = /^rh-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Records the rights holder a user acts for as the service-managed attribute
 * `custom:rightsHolderId` (the app client cannot write it), so the user's next ID token carries
 * it. Without a user pool (the local cloud), the backend's `sub` link is the only record, which
 * the API resolves anyway.
 */
export async function setRightsHolderAttribute(
  username: string,
  rightsHolderId: string,
): Promise<'set' | 'no_user_pool'> {
  if (!env.USER_POOL_ID) return 'no_user_pool';
  // IAM cannot narrow AdminUpdateUserAttributes to one attribute; this function is the narrowing:
  // one attribute, a well-formed id, never any other custom:* (e.g. custom:sellerId).
  if (!RIGHTS_HOLDER_ID.test(rightsHolderId)) {
    throw new Error('setRightsHolderAttribute: not a rights holder id');
  }
  await cognito.send(
    new AdminUpdateUserAttributesCommand({
      UserPoolId: env.USER_POOL_ID,
      Username: username,
      UserAttributes: [{ Name: 'custom:rightsHolderId', Value: rightsHolderId }],
    }),
  );
  return 'set';
}
