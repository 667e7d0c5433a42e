import { CLIENT_TYPES_FILE, writeClientTypes } from './openapi/client-types.ts';

/** `npm run gen:client [file]`: regenerates the typed client's types from the OpenAPI document. */
const file = process.argv[2] ?? CLIENT_TYPES_FILE;
await writeClientTypes(file);
console.log(`wrote ${file}`);
