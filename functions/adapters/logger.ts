import { Logger } from '@aws-lambda-powertools/logger';

/**
 * The structured JSON logger every function uses. Log ids, never task tokens, JWTs or personal
 * contact details.
 */
export const logger = new Logger({ serviceName: 'takedown' });
