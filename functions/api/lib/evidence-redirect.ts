import type { APIGatewayProxyResult } from 'aws-lambda';
import type { EvidenceRecord } from '../../adapters/evidence-store.ts';
import { evidenceForCaller } from '../evidence-access.ts';
import { evidenceAccessQuerySchema } from '../schemas/evidence.ts';
import type { RequestContext } from './handler.ts';
import { conflict } from './problem.ts';

/**
 * The 302 of the evidence routes (download and view): the evidence the caller may fetch (as its
 * owner, a reviewer, or, with `?caseId=`, a party of a case that cites it), only once sealed
 * (409 otherwise), redirected to a short-lived presigned GET that `urlFor` makes.
 */
export async function sealedEvidenceRedirect(
  { caller, params, query }: RequestContext,
  urlFor: (record: EvidenceRecord) => Promise<string>,
): Promise<APIGatewayProxyResult> {
  const { caseId } = query(evidenceAccessQuerySchema);
  const record = await evidenceForCaller(caller, params.evidenceId!, {
    citedForSeller: true,
    ...(caseId ? { caseId } : {}),
  });
  if (record.status !== 'sealed')
    throw conflict(
      record.status === 'rejected'
        ? 'The evidence was rejected at sealing and is not served.'
        : 'The evidence is not sealed yet.',
    );
  return {
    statusCode: 302,
    headers: {
      location: await urlFor(record),
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
    },
    body: '',
  };
}
