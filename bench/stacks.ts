/**
 * Resources per stack of a real `cdk synth` (run `npm run synth` first), against CloudFormation's
 * limit of 500 and the 300 the stack-size test allows.
 *
 *   npm run synth && npm run bench:stacks
 */
import { synthesizedTemplates } from './cdk-out.ts';

const LIMIT = 500;
let total = 0;
for (const { stackName, resources } of synthesizedTemplates()) {
  const count = Object.keys(resources).length;
  total += count;
  const share = ((count / LIMIT) * 100).toFixed(0);
  console.log(
    `${stackName.padEnd(24)} ${String(count).padStart(4)} resources (${share}% of ${LIMIT})`,
  );
}
console.log(`${'all stacks'.padEnd(24)} ${String(total).padStart(4)} resources`);
