import { ExecutionAlreadyExists, StartExecutionCommand } from '@aws-sdk/client-sfn';
import * as z from 'zod';
import { loadEnv } from './env.ts';
import { sfn } from './sfn-client.ts';

/**
 * The state machines a function may start: the case's, its follow-ups' (redress), a bulk
 * notice's fan-out, and a catalogue scan.
 */
export type MachineName = 'takedown' | 'redress' | 'bulk-notice' | 'scan';

const arns = new Map<MachineName, string>();

/** The machine's ARN, from `<NAME>_STATE_MACHINE_ARN`, read when first needed. */
function arnOf(machine: MachineName): string {
  let arn = arns.get(machine);
  if (!arn) {
    const variable = `${machine.toUpperCase().replace(/-/g, '_')}_STATE_MACHINE_ARN`;
    arn = loadEnv({ [variable]: z.string().startsWith('arn:') })[variable] as string;
    arns.set(machine, arn);
  }
  return arn;
}

/** The execution name of a case: derived from its id, so a retried start is idempotent. */
export function executionNameFor(caseId: string): string {
  return safeName(`case-${caseId}`);
}

/**
 * The execution name of a case's follow-up (an appeal, a late counter-notice, a withdrawal after
 * closure, a re-opening): from the case id, the kind and the case's follow-up counter.
 */
export function followUpExecutionName(caseId: string, kind: string, n: number): string {
  return safeName(`${kind}-${n}-${caseId}`);
}

/** The execution name of a bulk notice's fan-out: from the notice id (one fan-out per notice). */
export function fanOutExecutionName(noticeId: string): string {
  return safeName(`fan-out-${noticeId}`);
}

const safeName = (name: string) => name.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 80);

/**
 * Starts the execution of one case, idempotently: the name derives from the case id, so a second
 * start of the same case with the same input is answered as the first, and a start of a case whose
 * execution already exists (running or ended) is a success too. Other failures throw; the case's
 * pending-start marker then stays, and the reconciler starts it later.
 */
export function startCaseExecution(
  caseId: string,
  input: string,
): Promise<{ executionArn: string; alreadyExisted: boolean }> {
  return startNamedExecution('takedown', executionNameFor(caseId), input);
}

/** Starts an execution by name, idempotently (an existing execution of that name is a success). */
export async function startNamedExecution(
  machine: MachineName,
  name: string,
  input: string,
): Promise<{ executionArn: string; alreadyExisted: boolean }> {
  const stateMachineArn = arnOf(machine);
  try {
    const result = await sfn.send(new StartExecutionCommand({ stateMachineArn, name, input }));
    return { executionArn: result.executionArn!, alreadyExisted: false };
  } catch (error) {
    if (error instanceof ExecutionAlreadyExists) {
      return { executionArn: executionArnFor(stateMachineArn, name), alreadyExisted: true };
    }
    throw error;
  }
}

function executionArnFor(stateMachineArn: string, name: string): string {
  // arn:aws:states:region:account:stateMachine:machine[:alias] → ...:execution:machine:name
  const [arn, aws, states, region, account, , machine] = stateMachineArn.split(':');
  return [arn, aws, states, region, account, 'execution', machine, name].join(':');
}
