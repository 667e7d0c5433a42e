import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stateMachines } from '../../functions/tasks.ts';

type State = Record<string, unknown> & {
  Type: string;
  Next?: string;
  Default?: string;
  Choices?: { Next: string }[];
  Catch?: { ErrorEquals: string[]; Next: string }[];
  Retry?: { ErrorEquals: string[] }[];
};
const targets = (state: State): string[] =>
  [
    state.Next,
    state.Default,
    ...(state.Choices ?? []).map((c) => c.Next),
    ...(state.Catch ?? []).map((c) => c.Next),
  ].filter((t): t is string => typeof t === 'string');

describe.each(stateMachines)('State machine: $definitionFile', (machine) => {
  const asl = JSON.parse(
    readFileSync(resolve(import.meta.dirname, '../..', machine.definitionFile), 'utf8'),
  ) as { StartAt: string; States: Record<string, State> };
  const states = Object.entries(asl.States);

  it('leaves no state unreachable from StartAt, and every transition names a state', () => {
    const seen = new Set<string>([asl.StartAt]);
    const queue = [asl.StartAt];
    while (queue.length) {
      for (const next of targets(asl.States[queue.shift()!]!)) {
        expect(asl.States[next], `transition to unknown state ${next}`).toBeDefined();
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    expect(states.map(([name]) => name).filter((name) => !seen.has(name))).toEqual([]);
  });

  it('retries Lambda service errors on every Lambda task', () => {
    for (const [name, state] of states.filter(([, s]) => s.Type === 'Task')) {
      const retried = (state.Retry ?? []).flatMap((r) => r.ErrorEquals);
      for (const error of [
        'Lambda.ServiceException',
        'Lambda.AWSLambdaException',
        'Lambda.SdkClientException',
        'Lambda.TooManyRequestsException',
      ]) {
        expect(retried, `${name} retries ${error}`).toContain(error);
      }
    }
  });

  it('gives every task-token wait a timeout and a catcher for States.Timeout that leads to an explicit branch', () => {
    const waits = states.filter(([, s]) => String(s.Resource).endsWith('.waitForTaskToken'));
    // People wait in the case's machine and its follow-ups; a scan or a fan-out waits on nobody.
    const expectedWaits: Record<string, number> = {
      takedown: 7,
      redress: 3,
      scan: 0,
      'bulk-notice': 0,
    };
    expect(waits.length).toBeGreaterThanOrEqual(expectedWaits[machine.name] ?? 1);
    for (const [name, state] of waits) {
      expect(
        'TimeoutSeconds' in state || 'TimeoutSecondsPath' in state,
        `${name} has a timeout`,
      ).toBe(true);
      const timeout = (state.Catch ?? []).find((c) => c.ErrorEquals.includes('States.Timeout'));
      expect(timeout, `${name} catches States.Timeout`).toBeDefined();
      expect(timeout!.Next).not.toBe(name);
    }
  });

  it('uses exactly the substitution keys its entry in the task table lists', () => {
    const used = new Set(
      [...JSON.stringify(asl).matchAll(/\$\{([A-Za-z0-9]+)\}/g)].map((m) => m[1]),
    );
    expect([...used].sort()).toEqual([...machine.tasks].sort());
  });

  it('is JSONPath only: no JSONata, no variables', () => {
    const text = JSON.stringify(asl);
    expect(text).not.toContain('QueryLanguage');
    expect(text).not.toContain('"Assign"');
  });
});
