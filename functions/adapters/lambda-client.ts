import { LambdaClient } from '@aws-sdk/client-lambda';

/** The Lambda client, created once per module (only functions that reach a Lambda marketplace load it). */
export const lambda = new LambdaClient({});
