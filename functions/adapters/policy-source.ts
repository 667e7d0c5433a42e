import * as z from 'zod';
import { defaultPolicy, type Policy, parsePolicy } from '../domain/policy.ts';
import { loadEnv } from './env.ts';

const env = loadEnv({ POLICY_JSON: z.string().optional() });

/**
 * The policy in force: the jurisdiction profiles and the strike ladder, as data. Operators tune it
 * through `POLICY_JSON` (a full policy document, validated with its legal floors at cold start);
 * without it, the defaults of DOMAIN.md apply.
 */
export const policy: Policy = env.POLICY_JSON
  ? parsePolicy(JSON.parse(env.POLICY_JSON))
  : defaultPolicy;
