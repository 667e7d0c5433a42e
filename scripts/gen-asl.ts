import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { STATE_MACHINE_DEFINITIONS } from './asl/definitions.ts';

/**
 * Writes the state machines' ASL (statemachines/*.asl.json) from their definitions in
 * scripts/asl/. CDK deploys these files and the local engine runs them; a test fails when a
 * committed file differs from what the definitions produce.
 */
for (const [file, build] of Object.entries(STATE_MACHINE_DEFINITIONS)) {
  writeFileSync(resolve(import.meta.dirname, '..', file), `${JSON.stringify(build(), null, 2)}\n`);
  console.log(`wrote ${file}`);
}
