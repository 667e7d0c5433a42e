import { CompiledRules } from '../domain/screening-rules.ts';
import { clock } from './clock.ts';
import { loadActiveRules, ruleSetHead } from './screening-rule-store.ts';

/**
 * The compiled rule set, kept in the function's memory: built once per rule-set version, and the
 * version checked (one consistent GetItem) at most every `REFRESH_MS`, so a new version is
 * picked up within a minute. A load that finds fewer rules than the head counts (the index
 * lags the write) is used for this call but not kept, so the next call loads again.
 */
const REFRESH_MS = 30_000;

let cached: { rules: CompiledRules; checkedAt: number } | undefined;

export async function activeRuleSet(): Promise<CompiledRules> {
  const now = clock.now().getTime();
  if (cached && now - cached.checkedAt < REFRESH_MS) return cached.rules;
  const head = await ruleSetHead();
  if (cached && cached.rules.version === head.version) {
    cached.checkedAt = now;
    return cached.rules;
  }
  const rules = new CompiledRules(head.version, await loadActiveRules());
  if (rules.rules.length >= head.activeCount) cached = { rules, checkedAt: now };
  return rules;
}
