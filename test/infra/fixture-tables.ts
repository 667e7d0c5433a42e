import type { ServiceTables } from '../../infra/tables.ts';

/**
 * Tables with one of everything the shared tables may grow: routes with path parameters, roles and
 * grants (one public), a decision route that sends task results, a callback workflow task run by a
 * state machine, a bucket notification and a scheduled job. Handlers are the test fixtures.
 */
export const fixtureTables: ServiceTables = {
  routes: [
    {
      method: 'GET',
      path: '/v1/health',
      operationId: 'getHealth',
      handler: 'test/fixtures/functions/api-fixtures.ts',
      exportName: 'whoami',
      auth: 'none',
      roles: [],
    },
    {
      method: 'GET',
      path: '/v1/cases/{caseId}',
      operationId: 'getCase',
      handler: 'test/fixtures/functions/api-fixtures.ts',
      exportName: 'whoami',
      auth: 'jwt',
      roles: ['reviewer', 'admin'],
      grants: { table: 'RO' },
    },
    {
      method: 'POST',
      path: '/v1/notices',
      operationId: 'fileNotice',
      handler: 'test/fixtures/functions/api-fixtures.ts',
      exportName: 'whoami',
      auth: 'jwt',
      roles: ['rights-holder'],
      grants: { table: 'RW', evidence: ['upload'], startExecution: ['callback'] },
    },
    {
      method: 'POST',
      path: '/v1/cases/{caseId}/decision',
      operationId: 'decideCase',
      handler: 'test/fixtures/functions/api-fixtures.ts',
      exportName: 'whoami',
      auth: 'jwt',
      roles: ['reviewer', 'admin'],
      grants: { table: 'RW', sendTaskResult: true, publishEvents: true },
    },
    {
      method: 'POST',
      path: '/v1/screening/listings',
      operationId: 'screenListing',
      handler: 'test/fixtures/functions/api-fixtures.ts',
      exportName: 'whoami',
      auth: 'machine',
      scope: 'takedown/screening',
      roles: [],
      grants: { table: 'RO' },
    },
  ],
  workflowTasks: [
    {
      substitutionKey: 'RecordTokenFunctionArn',
      functionName: 'record-token',
      handler: 'test/fixtures/functions/workflow-fixtures.ts',
      exportName: 'recordToken',
      grants: { table: 'RW', sendEmail: true, marketplace: true },
    },
  ],
  stateMachines: [
    {
      name: 'callback',
      definitionFile: 'test/fixtures/statemachines/callback.asl.json',
      tasks: ['RecordTokenFunctionArn'],
    },
  ],
  bucketNotifications: [
    {
      bucket: 'evidence',
      functionName: 'seal-evidence',
      handler: 'test/fixtures/functions/api-fixtures.ts',
      exportName: 'recordObjectCreated',
      grants: { table: 'RW', evidence: ['read', 'readTags'] },
    },
  ],
  mailEventHandlers: [
    {
      functionName: 'record-mail-event',
      handler: 'test/fixtures/functions/workflow-fixtures.ts',
      exportName: 'echo',
      events: ['bounce', 'complaint'],
      grants: { table: 'RW' },
    },
  ],
  scheduledJobs: [
    {
      name: 'reconciler',
      functionName: 'reconciler',
      handler: 'test/fixtures/functions/workflow-fixtures.ts',
      exportName: 'echo',
      everyMinutes: 5,
      grants: { table: 'RO', startExecution: ['callback'] },
    },
  ],
};
