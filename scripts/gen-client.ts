import {
  CLIENT_TYPES_FILE,
  writeClientTypes,
  writeOpenApiDocument,
} from './openapi/client-types.ts';

/**
 * `npm run gen:client [file]`: regenerates the typed client's types, and the OpenAPI document the
 * API serves (functions/api/openapi/openapi.json), from buildOpenApiDocument().
 */
const file = process.argv[2] ?? CLIENT_TYPES_FILE;
await writeClientTypes(file);
console.log(`wrote ${file}`);
if (!process.argv[2]) {
  writeOpenApiDocument();
  console.log('wrote functions/api/openapi/openapi.json');
}
