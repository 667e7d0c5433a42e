import { SendTaskSuccessCommand } from '@aws-sdk/client-sfn';
import { sfn } from './sfn-client.ts';

/** Completes a waiting task with an output. The token is a bearer secret: never log it. */
export async function completeTask(token: string, output: Record<string, unknown>): Promise<void> {
  await sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify(output) }));
}
