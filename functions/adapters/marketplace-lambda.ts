import { InvokeCommand } from '@aws-sdk/client-lambda';
import { lambda } from './lambda-client.ts';

/**
 * Invokes a marketplace deployed as a Lambda function with `{method, path, body}` and returns its
 * `{status, body}`. A function error is a transient failure for the caller.
 */
export async function invokeMarketplaceFunction(
  functionArn: string,
  request: { method: string; path: string; body?: unknown },
): Promise<{ status: number; body?: unknown }> {
  const result = await lambda.send(
    new InvokeCommand({
      FunctionName: functionArn,
      Payload: new TextEncoder().encode(JSON.stringify(request)),
    }),
  );
  const payload = result.Payload ? JSON.parse(new TextDecoder().decode(result.Payload)) : undefined;
  if (result.FunctionError || !payload || typeof payload.status !== 'number') {
    throw new Error(`marketplace function failed: ${result.FunctionError ?? 'no answer'}`);
  }
  return payload as { status: number; body?: unknown };
}
