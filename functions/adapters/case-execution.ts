import { ExecutionAlreadyExists, StartExecutionCommand } from '@aws-sdk/client-sfn';
import * as z from 'zod';
import { loadEnv } from './env.ts';
import { sfn } from './sfn-client.ts';

const env = loadEnv({ TAKEDOWN_STATE_MACHINE_ARN: z.string().startsWith('arn:') });

/** The execution name of a case: derived from its id, so a retried start is idempotent. */
export function executionNameFor(caseId: string): string {
  return `case-${caseId}`.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 80);
}

/**
 * Starts the execution of one case, idempotently: the name derives from the case id, so a second
 * start of the same case with the same input is answered as the first, and a start of a case whose
 * execution already exists (running or ended) is a success too. Other failures throw; the case's
 * pending-start marker then stays, and the reconciler starts it later.
 */
export async function startCaseExecution(
  caseId: string,
  input: string,
): Promise<{ executionArn: string; alreadyExisted: boolean }> {
  const name = executionNameFor(caseId);
  try {
    const result = await sfn.send(
      new StartExecutionCommand({ stateMachineArn: env.TAKEDOWN_STATE_MACHINE_ARN, name, input }),
    );
    return { executionArn: result.executionArn!, alreadyExisted: false };
  } catch (error) {
    if (error instanceof ExecutionAlreadyExists) {
      return { executionArn: executionArnFor(name), alreadyExisted: true };
    }
    throw error;
  }
}

function executionArnFor(name: string): string {
  // arn:aws:states:region:account:stateMachine:machine[:alias] → ...:execution:machine:name
  const [arn, aws, states, region, account, , machine] = env.TAKEDOWN_STATE_MACHINE_ARN.split(':');
  return [arn, aws, states, region, account, 'execution', machine, name].join(':');
}
