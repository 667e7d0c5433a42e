import type { IncomingMessage, ServerResponse } from 'node:http';
import { type RouteHandler, readBody } from '../http.ts';
import type { ExecutionRecord, ExecutionStatus, LocalStepFunctions } from './engine.ts';
import { SfnApiError } from './errors.ts';

const TARGET_PREFIX = 'AWSStepFunctions.';
const MAX_HISTORY_PAGE = 1000;

/**
 * The Step Functions API over HTTP (awsJson1_0), so the unchanged `@aws-sdk/client-sfn` works
 * against the local engine via `AWS_ENDPOINT_URL_SFN`. Errors carry `__type` as the service sends
 * it, so the SDK raises its modelled exceptions (ExecutionAlreadyExists, InvalidToken, ...).
 */
export function createStepFunctionsApi(engine: LocalStepFunctions): RouteHandler {
  return async (req, res) => {
    const target = req.headers['x-amz-target'];
    if (req.method !== 'POST' || typeof target !== 'string' || !target.startsWith(TARGET_PREFIX))
      return false;
    const operation = target.slice(TARGET_PREFIX.length);
    try {
      const body = await readJsonBody(req);
      send(res, 200, await dispatch(engine, operation, body));
    } catch (error) {
      if (error instanceof SfnApiError) {
        send(res, error.status, {
          __type: `com.amazonaws.swf.service.v2.model#${error.code}`,
          message: error.message,
        });
      } else {
        console.error('Step Functions facade fault', error);
        send(res, 500, {
          __type: 'com.amazonaws.swf.service.v2.model#InternalFailure',
          message: 'internal failure',
        });
      }
    }
    return true;
  };
}

async function readJsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const raw = await readBody(req, 2 * 1024 * 1024);
  if (raw.length === 0) return {};
  try {
    const parsed = JSON.parse(raw.toString('utf8'));
    if (parsed === null || typeof parsed !== 'object') throw new Error('not an object');
    return parsed as Record<string, unknown>;
  } catch {
    throw new SfnApiError('ValidationException', 'request body is not a JSON object');
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/x-amz-json-1.0',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function str(body: Record<string, unknown>, key: string, required = true): string | undefined {
  const value = body[key];
  if (value === undefined || value === null) {
    if (required)
      throw new SfnApiError(
        'ValidationException',
        `1 validation error detected: '${key}' must not be null`,
      );
    return undefined;
  }
  if (typeof value !== 'string')
    throw new SfnApiError('ValidationException', `'${key}' must be a string`);
  return value;
}

const seconds = (ms: number | undefined) => (ms === undefined ? undefined : ms / 1000);

function describe(record: ExecutionRecord) {
  return {
    executionArn: record.executionArn,
    stateMachineArn: record.stateMachineArn,
    name: record.name,
    status: record.status,
    startDate: seconds(record.startDate),
    stopDate: seconds(record.stopDate),
    input: record.input,
    inputDetails: { included: true },
    output: record.output,
    outputDetails: record.output === undefined ? undefined : { included: true },
    error: record.error,
    cause: record.cause,
  };
}

async function dispatch(
  engine: LocalStepFunctions,
  operation: string,
  body: Record<string, unknown>,
): Promise<unknown> {
  switch (operation) {
    case 'StartExecution': {
      // A version or alias ARN (name:qualifier) runs the one local definition.
      const arn = str(body, 'stateMachineArn')!.split(':').slice(0, 7).join(':');
      const result = engine.startExecution(
        arn,
        str(body, 'name', false),
        str(body, 'input', false),
      );
      return { executionArn: result.executionArn, startDate: seconds(result.startDate) };
    }
    case 'DescribeExecution':
      return describe(engine.describeExecution(str(body, 'executionArn')!));
    case 'StopExecution':
      return {
        stopDate: seconds(
          engine.stopExecution(
            str(body, 'executionArn')!,
            str(body, 'error', false),
            str(body, 'cause', false),
          ),
        ),
      };
    case 'GetExecutionHistory': {
      const record = engine.describeExecution(str(body, 'executionArn')!);
      const max = Math.min(Number(body.maxResults ?? 100) || 100, MAX_HISTORY_PAGE);
      const events = body.reverseOrder === true ? [...record.history].reverse() : record.history;
      const start = Number(str(body, 'nextToken', false) ?? '0');
      const page = events
        .slice(start, start + max)
        .map((e) => ({ ...e, timestamp: seconds(e.timestamp) }));
      return {
        events: page,
        nextToken: start + max < events.length ? String(start + max) : undefined,
      };
    }
    case 'ListExecutions': {
      const all = engine.listExecutions(
        str(body, 'stateMachineArn')!,
        str(body, 'statusFilter', false) as ExecutionStatus | undefined,
      );
      const max = Math.min(Number(body.maxResults ?? 100) || 100, 1000);
      const start = Number(str(body, 'nextToken', false) ?? '0');
      return {
        executions: all.slice(start, start + max).map((r) => ({
          executionArn: r.executionArn,
          stateMachineArn: r.stateMachineArn,
          name: r.name,
          status: r.status,
          startDate: seconds(r.startDate),
          stopDate: seconds(r.stopDate),
        })),
        nextToken: start + max < all.length ? String(start + max) : undefined,
      };
    }
    case 'SendTaskSuccess':
      engine.sendTaskSuccess(str(body, 'taskToken')!, str(body, 'output')!);
      return {};
    case 'SendTaskFailure':
      engine.sendTaskFailure(
        str(body, 'taskToken')!,
        str(body, 'error', false),
        str(body, 'cause', false),
      );
      return {};
    case 'SendTaskHeartbeat':
      engine.sendTaskHeartbeat(str(body, 'taskToken')!);
      return {};
    case 'ListStateMachines':
      return {
        stateMachines: engine.stateMachineArns().map((arn) => ({
          stateMachineArn: arn,
          name: arn.split(':').pop(),
          type: 'STANDARD',
          creationDate: 0,
        })),
      };
    default:
      throw new SfnApiError('UnknownOperationException', `Unknown operation ${operation}`);
  }
}
