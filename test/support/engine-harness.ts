import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SFNClient } from '@aws-sdk/client-sfn';
import { VirtualClock } from '../../local/clock.ts';
import { type LocalServer, startLoopbackServer } from '../../local/http.ts';
import { LocalLambda } from '../../local/lambda/invoker.ts';
import { LocalStepFunctions } from '../../local/stepfunctions/engine.ts';
import { createStepFunctionsApi } from '../../local/stepfunctions/facade.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURES = 'test/fixtures/functions/workflow-fixtures.ts';

export interface EngineHarness {
  clock: VirtualClock;
  engine: LocalStepFunctions;
  server: LocalServer;
  sfn: SFNClient;
  machines: Record<string, string>;
  advance(iso: { seconds?: number; days?: number }): Promise<void>;
  stop(): Promise<void>;
}

/** The engine, its HTTP facade on a free loopback port, and an unchanged SFN client pointed at it. */
export async function startEngineHarness(): Promise<EngineHarness> {
  const clock = new VirtualClock();
  const lambda = new LocalLambda({ rootDir: ROOT, region: 'us-east-1', accountId: '000000000000' });
  const substitutions = {
    RecordTokenFunctionArn: lambda.register({
      functionName: 'fixture-record-token',
      handler: FIXTURES,
      exportName: 'recordToken',
    }),
    FlakyFunctionArn: lambda.register({
      functionName: 'fixture-flaky',
      handler: FIXTURES,
      exportName: 'flaky',
    }),
    EchoFunctionArn: lambda.register({
      functionName: 'fixture-echo',
      handler: FIXTURES,
      exportName: 'echo',
    }),
  };
  const engine = new LocalStepFunctions({ clock, lambda, region: 'us-east-1' });
  const machines: Record<string, string> = {};
  for (const name of ['callback', 'wait-and-retry']) {
    const text = readFileSync(
      resolve(ROOT, `test/fixtures/statemachines/${name}.asl.json`),
      'utf8',
    );
    machines[name] = await engine.createStateMachine(name, text, substitutions);
  }
  const server = await startLoopbackServer(0, [createStepFunctionsApi(engine)]);
  const sfn = new SFNClient({
    region: 'us-east-1',
    endpoint: server.url,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  return {
    clock,
    engine,
    server,
    sfn,
    machines,
    advance: ({ seconds = 0, days = 0 }) =>
      clock.advance((seconds + days * 86_400) * 1000, () => engine.settled()).then(() => undefined),
    stop: async () => {
      engine.shutdown();
      clock.stop();
      sfn.destroy();
      await server.close();
    },
  };
}
