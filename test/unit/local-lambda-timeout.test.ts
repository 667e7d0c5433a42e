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

describe('Local Lambda: concurrency', () => {
  it('runs at most `concurrency` invocations at once; the others wait, and their timeout counts from their start', async () => {
    const capped = new LocalLambda(
      { rootDir: process.cwd(), region: 'us-east-1', accountId: '000000000000', concurrency: 2 },
      [
        {
          functionName: 'counted',
          handler: 'test/fixtures/functions/hang-fixture.ts',
          exportName: 'counted',
          // Shorter than the whole burst (6 × 100 ms over 2 slots): waiting does not count.
          timeoutSeconds: 0.25,
        },
      ],
    );
    const results = (await Promise.all(
      Array.from({ length: 6 }, () => capped.invoke('counted', { ms: 100 })),
    )) as { peak: number }[];
    expect(Math.max(...results.map((r) => r.peak))).toBe(2);
    expect(capped.running).toBe(0);
  });

  it('caps each function on its own: a burst of one does not hold back another', async () => {
    const capped = new LocalLambda(
      { rootDir: process.cwd(), region: 'us-east-1', accountId: '000000000000', concurrency: 1 },
      [
        {
          functionName: 'slow',
          handler: 'test/fixtures/functions/hang-fixture.ts',
          exportName: 'counted',
          timeoutSeconds: 1,
        },
        {
          functionName: 'quick',
          handler: 'test/fixtures/functions/hang-fixture.ts',
          exportName: 'answer',
          timeoutSeconds: 1,
        },
      ],
    );
    const order: string[] = [];
    const burst = Array.from({ length: 4 }, () =>
      capped.invoke('slow', { ms: 100 }).then(() => order.push('slow')),
    );
    await capped.invoke('quick', {}).then(() => order.push('quick'));
    await Promise.all(burst);
    expect(order[0]).toBe('quick');
    expect(capped.running).toBe(0);
  });

  it('runs other functions `background` at a time while a priority function runs (a fan-out before its screenings), and at full concurrency after', async () => {
    const fn = (functionName: string, exportName: string) => ({
      functionName,
      handler: 'test/fixtures/functions/hang-fixture.ts',
      exportName,
      timeoutSeconds: 2,
    });
    const capped = new LocalLambda(
      {
        rootDir: process.cwd(),
        region: 'us-east-1',
        accountId: '000000000000',
        concurrency: 4,
        priority: ['fan-out'],
        background: 1,
      },
      [fn('fan-out', 'counted'), fn('screen', 'countedAside')],
    );
    const fanOut = capped.invoke('fan-out', { ms: 400 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const during = (await Promise.all(
      Array.from({ length: 4 }, () => capped.invoke('screen', { ms: 50 })),
    )) as { peak: number }[];
    expect(Math.max(...during.map((r) => r.peak))).toBe(1);
    await fanOut;
    const after = (await Promise.all(
      Array.from({ length: 4 }, () => capped.invoke('screen', { ms: 50 })),
    )) as { peak: number }[];
    expect(Math.max(...after.map((r) => r.peak))).toBe(4);
    expect(capped.running).toBe(0);
  });
});
