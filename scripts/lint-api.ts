import { buildOpenApiDocument } from '../functions/api/openapi/document.ts';
import { lintOpenApi } from './openapi/lint.ts';

/**
 * `npm run lint:api`: lints the OpenAPI document the API serves with Redocly's `recommended`
 * ruleset (redocly.yaml), and fails on any error or warning.
 */
const result = await lintOpenApi(buildOpenApiDocument());
for (const problem of result.problems) console.log(problem);
console.log(`redocly lint: ${result.errors} errors, ${result.warnings} warnings`);
process.exit(result.errors + result.warnings > 0 ? 1 : 0);
