import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STATE_MACHINE_DEFINITIONS } from '../../scripts/asl/definitions.ts';

describe('Generated ASL: scripts/asl/ and statemachines/', () => {
  it.each(Object.entries(STATE_MACHINE_DEFINITIONS))(
    '%s is what its definition produces (run npm run gen:asl after editing scripts/asl/)',
    (file, build) => {
      // Arrange
      const committed = readFileSync(resolve(import.meta.dirname, '../..', file), 'utf8');

      // Act
      const generated = `${JSON.stringify(build(), null, 2)}\n`;

      // Assert
      expect(committed).toBe(generated);
    },
  );
});
