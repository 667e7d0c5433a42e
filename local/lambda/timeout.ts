/** What Lambda reports when a function runs past its timeout (`Sandbox.Timedout`). */
export class FunctionTimedOut extends Error {
  override name = 'Sandbox.Timedout';
  constructor(readonly seconds: number) {
    super(`Task timed out after ${seconds.toFixed(2)} seconds`);
  }
}

/**
 * Runs a handler call under its function's timeout, as Lambda does: past it, the caller gets
 * `Sandbox.Timedout` (a Step Functions `lambda:invoke` task sees it as a task failure; API Gateway
 * answers 502). In-process, the handler's own work cannot be killed: it runs on in the
 * background, as a frozen Lambda sandbox's would on thaw, and its result is dropped.
 */
export async function withTimeout<T>(seconds: number, call: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new FunctionTimedOut(seconds)), seconds * 1000);
    timer.unref();
  });
  try {
    return await Promise.race([call(), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
