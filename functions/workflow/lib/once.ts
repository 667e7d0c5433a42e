import { StepAlreadyApplied } from '../../adapters/case-store.ts';

/** Runs a step write, treating "already applied" as done: the task is being retried. */
export async function once(write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (!(error instanceof StepAlreadyApplied)) throw error;
  }
}
