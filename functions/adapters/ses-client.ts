import { SESv2Client } from '@aws-sdk/client-sesv2';
import * as z from 'zod';
import { loadEnv } from './env.ts';

const env = loadEnv({ AWS_REGION: z.string().min(1) });

/**
 * The one SES v2 client of a function, created at module load. The endpoint is the SDK's
 * business: it honours `AWS_ENDPOINT_URL_SESV2`, which the local cloud points at its mailbox.
 */
export const sesClient = new SESv2Client({ region: env.AWS_REGION });
