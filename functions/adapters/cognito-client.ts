import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';

/** The Cognito user-pool client, created once per module; used only where a user pool is configured. */
export const cognito = new CognitoIdentityProviderClient({});
