import { describe, expect, it } from 'vitest';
import { LambdaFunctionError, LocalLambda } from '../../local/lambda/invoker.ts';

const lambda = new LocalLambda(
  { rootDir: process.cwd(), region: 'us-east-1', accountId: '000000000000' },
  [
    {
      functionName: 'hangs',
      handler: 'test/fixtures/functions/hang-fixture.ts',
      exportName: 'hang',
      timeoutSeconds: 0.2,
    },
    {
      functionName: 'answers',
      handler: 'test/fixtures/functions/hang-fixture.ts',
      exportName: 'answer',
      timeoutSeconds: 0.2,
    },
  ],
);

describe('Local Lambda: timeouts', () => {
  it('fails a handler that runs past its timeout with Sandbox.Timedout, as Lambda does', async () => {
    const error = await lambda.invoke('hangs', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LambdaFunctionError);
    expect(error).toMatchObject({
      errorType: 'Sandbox.Timedout',
      errorMessage: 'Task timed out after 0.20 seconds',
    });
    expect(lambda.running).toBe(0);
  });

  it('lets a handler that answers in time answer', async () => {
    expect(await lambda.invoke('answers', { a: 1 })).toEqual({ echoed: { a: 1 } });
  });
});
