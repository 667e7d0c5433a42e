import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE, generateApiTypes } from '../../scripts/generate-api-types.ts';

describe('The web app API types', () => {
  it('match the OpenAPI document the route table and schemas produce (npm run generate:api-types)', async () => {
    expect(readFileSync(API_TYPES_FILE, 'utf8')).toBe(await generateApiTypes());
  });
});
