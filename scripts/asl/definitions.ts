import { bulkNoticeDefinition } from './bulk-notice.ts';
import { redressDefinition } from './redress.ts';
import { scanDefinition } from './scan.ts';
import { takedownDefinition } from './takedown.ts';

/** Each generated ASL file, by its path from the repo root, with the function that builds it. */
export const STATE_MACHINE_DEFINITIONS: Record<string, () => Record<string, unknown>> = {
  'statemachines/takedown.asl.json': takedownDefinition,
  'statemachines/redress.asl.json': redressDefinition,
  'statemachines/bulk-notice.asl.json': bulkNoticeDefinition,
  'statemachines/scan.asl.json': scanDefinition,
};
