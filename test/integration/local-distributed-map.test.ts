import { DescribeExecutionCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../local/clock.ts';
import { type LocalServer, startLoopbackServer } from '../../local/http.ts';
import { LocalLambda } from '../../local/lambda/invoker.ts';
import { UnsupportedDefinitionError } from '../../local/stepfunctions/definition.ts';
import { LocalStepFunctions } from '../../local/stepfunctions/engine.ts';
import { createStepFunctionsApi } from '../../local/stepfunctions/facade.ts';
import { fixtureState } from '../fixtures/functions/workflow-fixtures.ts';
import { ROOT } from '../support/engine-harness.ts';

/**
 * The local engine's distributed Map: the S3 item reader (CSV, JSON Lines), the batcher,
 * MaxConcurrency and the tolerated failures, from the same ASL CDK deploys; and what it cannot
 * emulate refused at load.
 */

const objects = new Map<string, string>();
let clock: VirtualClock;
let engine: LocalStepFunctions;
let server: LocalServer;
let sfn: SFNClient;
let functionArn: string;
let seq = 0;

function definition(map: Record<string, unknown>) {
  return JSON.stringify({
    StartAt: 'FanOut',
    States: {
      FanOut: {
        Type: 'Map',
        ItemReader: {
          Resource: 'arn:aws:states:::s3:getObject',
          ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW' },
          Parameters: { Bucket: 'manifests', 'Key.$': '$.key' },
        },
        ItemBatcher: { MaxItemsPerBatch: 3, BatchInput: { 'run.$': '$.run' } },
        MaxConcurrency: 2,
        ItemProcessor: {
          ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' },
          StartAt: 'Process',
          States: {
            Process: {
              Type: 'Task',
              Resource: 'arn:aws:states:::lambda:invoke',
              Parameters: {
                FunctionName: '${ProcessFunctionArn}',
                Payload: { 'run.$': '$.BatchInput.run', 'Items.$': '$.Items' },
              },
              OutputPath: '$.Payload',
              End: true,
            },
          },
        },
        ResultPath: '$.batches',
        Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Failed' }],
        End: true,
        ...map,
      },
      Failed: { Type: 'Pass', End: true },
    },
  });
}

async function run(machineArn: string, csv: string) {
  const run = `run-${++seq}`;
  objects.set(`manifests/${run}.csv`, csv);
  const { executionArn } = await sfn.send(
    new StartExecutionCommand({
      stateMachineArn: machineArn,
      name: run,
      input: JSON.stringify({ key: `${run}.csv`, run }),
    }),
  );
  await engine.settled();
  const done = await sfn.send(new DescribeExecutionCommand({ executionArn }));
  return {
    status: done.status,
    output: JSON.parse(done.output ?? 'null') as {
      batches?: { count: number; ids: string[] }[];
      error?: { Error: string };
    },
    peak: fixtureState().calls.get(`concurrency:${run}`) ?? 0,
  };
}

const csv = (ids: string[], fail: string[] = []) =>
  ['id,fail', ...ids.map((id) => `${id},${fail.includes(id) ? 'yes' : 'no'}`)].join('\n');
const ids = (n: number) => Array.from({ length: n }, (_, i) => `item-${i + 1}`);

beforeAll(async () => {
  clock = new VirtualClock();
  const lambda = new LocalLambda({ rootDir: ROOT, region: 'us-east-1', accountId: '000000000000' });
  functionArn = lambda.register({
    functionName: 'fixture-process-batch',
    handler: 'test/fixtures/functions/workflow-fixtures.ts',
    exportName: 'processBatch',
  });
  engine = new LocalStepFunctions({
    clock,
    lambda,
    region: 'us-east-1',
    readObject: async (bucket, key) => {
      const body = objects.get(`${bucket}/${key}`);
      if (body === undefined) throw new Error(`NoSuchKey: ${bucket}/${key}`);
      return Buffer.from(body);
    },
  });
  server = await startLoopbackServer(0, [createStepFunctionsApi(engine)]);
  sfn = new SFNClient({
    region: 'us-east-1',
    endpoint: server.url,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
});
afterAll(async () => {
  engine?.shutdown();
  clock?.stop();
  sfn?.destroy();
  await server?.close();
});

describe('Local Step Functions: distributed Map', () => {
  it('reads the CSV from S3, batches it, and runs at most MaxConcurrency batches at once', async () => {
    const arn = await engine.createStateMachine('fan-out', definition({}), {
      ProcessFunctionArn: functionArn,
    });

    const result = await run(arn, csv(ids(10)));

    expect(result.status).toBe('SUCCEEDED');
    expect(result.output.batches?.map((b) => b.count)).toEqual([3, 3, 3, 1]);
    expect(result.output.batches?.flatMap((b) => b.ids)).toEqual(ids(10));
    expect(result.peak).toBe(2);
  });

  it('fails past the tolerated failures, and succeeds within them', async () => {
    const strict = await engine.createStateMachine('strict', definition({}), {
      ProcessFunctionArn: functionArn,
    });
    const lenient = await engine.createStateMachine(
      'lenient',
      definition({ ToleratedFailurePercentage: 50 }),
      { ProcessFunctionArn: functionArn },
    );

    const failed = await run(strict, csv(ids(6), ['item-2']));
    const tolerated = await run(lenient, csv(ids(6), ['item-2']));

    expect(failed.output.error?.Error).toBe('States.ExceedToleratedFailureThreshold');
    expect(tolerated.status).toBe('SUCCEEDED');
    expect(tolerated.output.batches?.[1]?.count).toBe(3);
  });

  it('fails with States.ItemReaderFailed when the object is missing', async () => {
    const arn = await engine.createStateMachine('missing', definition({}), {
      ProcessFunctionArn: functionArn,
    });
    const { executionArn } = await sfn.send(
      new StartExecutionCommand({
        stateMachineArn: arn,
        name: 'missing-object',
        input: JSON.stringify({ key: 'nope.csv', run: 'missing' }),
      }),
    );
    await engine.settled();
    const done = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    expect(JSON.parse(done.output ?? '{}').error.Error).toBe('States.ItemReaderFailed');
  });

  it.each([
    ['a ResultWriter', { ResultWriter: { Resource: 'arn:aws:states:::s3:putObject' } }],
    ['a MaxConcurrencyPath', { MaxConcurrencyPath: '$.n' }],
    ['an ItemSelector', { ItemSelector: { 'x.$': '$$.Map.Item.Value' } }],
    ['a Retry', { Retry: [{ ErrorEquals: ['States.ALL'] }] }],
  ])('refuses %s at load rather than ignore it', async (_what, extra) => {
    await expect(
      engine.createStateMachine(`refused-${++seq}`, definition(extra), {
        ProcessFunctionArn: functionArn,
      }),
    ).rejects.toBeInstanceOf(UnsupportedDefinitionError);
  });
});
