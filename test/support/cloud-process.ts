import { startLocalCloud } from '../../local/cloud.ts';

/**
 * A local cloud with the crash fixtures, in a process of its own, so a test can kill -9 it.
 * Env: DATA_DIR, TABLE_NAME, DYNAMO_ENDPOINT (optional), EFFECT_DIR.
 */
const cloud = await startLocalCloud({
  port: 0,
  dataDir: process.env.DATA_DIR!,
  tableName: process.env.TABLE_NAME,
  dynamoEndpoint: process.env.DYNAMO_ENDPOINT,
  seed: false,
  routes: [],
  scheduledJobs: [],
  bucketNotifications: [],
  workflowTasks: [
    {
      substitutionKey: 'SlowEffectFunctionArn',
      functionName: 'fixture-slow-effect',
      handler: 'test/fixtures/functions/crash-fixtures.ts',
      exportName: 'slowEffect',
    },
  ],
  stateMachines: [
    {
      name: 'crash',
      definitionFile: 'test/fixtures/statemachines/crash.asl.json',
      tasks: ['SlowEffectFunctionArn'],
    },
  ],
});
console.log(
  `READY ${JSON.stringify({ sfn: cloud.endpoints.sfn, stateMachineArn: cloud.stateMachineArns.crash, restored: cloud.restored })}`,
);
const stop = async () => {
  await cloud.stop();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
