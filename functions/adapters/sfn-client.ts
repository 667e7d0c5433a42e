import { SFNClient } from '@aws-sdk/client-sfn';

/** The Step Functions client, created once per module. */
export const sfn = new SFNClient({});
