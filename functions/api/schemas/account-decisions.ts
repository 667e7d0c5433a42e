import * as z from 'zod';
import {
  MISUSE_DECISIONS,
  MISUSE_REASON_CODES,
  SUSPENSION_DECISIONS,
  SUSPENSION_REASON_CODES,
} from '../../domain/account-decisions.ts';

/** A decision on an account: a decision, a reason code it allows, reasons, an internal note. */
function accountDecisionBody<D extends string>(
  decisions: readonly [D, ...D[]],
  codes: Record<D, readonly string[]>,
  what: string,
) {
  return z
    .strictObject({
      decision: z.enum(decisions),
      reasonCode: z
        .enum([...new Set(Object.values<readonly string[]>(codes).flat())] as [string, ...string[]])
        .describe(
          Object.entries<readonly string[]>(codes)
            .map(([decision, list]) => `${decision}: ${list.join(', ')}`)
            .join('; '),
        ),
      reasons: z
        .string()
        .trim()
        .min(1)
        .max(4000)
        .describe('For the party: quoted in its statement of reasons'),
      note: z.string().trim().max(4000).optional().describe('Internal: never sent to a party'),
    })
    .superRefine((body, ctx) => {
      if (!codes[body.decision].includes(body.reasonCode))
        ctx.addIssue({
          code: 'custom',
          path: ['reasonCode'],
          message: `Not a reason code for "${body.decision}"`,
        });
    })
    .describe(what);
}

export const suspensionDecisionBodySchema = accountDecisionBody(
  SUSPENSION_DECISIONS,
  SUSPENSION_REASON_CODES,
  'A reviewer’s decision on a suspension review (DSA Art 23(3))',
);

export const misuseDecisionBodySchema = accountDecisionBody(
  MISUSE_DECISIONS,
  MISUSE_REASON_CODES,
  'A reviewer’s decision on a misuse review (DSA Art 23(2))',
);
