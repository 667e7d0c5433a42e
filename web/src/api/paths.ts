import type { paths as generatedPaths } from '../../../clients/typescript/schema.d.ts';

/** The API as the web app calls it: the document generated from the service's own schemas. */
export type paths = generatedPaths;

/** The JSON body of one response of the generated document. */
export type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;

/** The JSON answer of a route's success status. */
export type Answer<
  Path extends keyof paths,
  Method extends keyof paths[Path],
  Status extends number = 200,
> = paths[Path][Method] extends { responses: infer R }
  ? Status extends keyof R
    ? JsonOf<R[Status]>
    : never
  : never;

/** The JSON request body of a route. */
export type BodyOf<
  Path extends keyof paths,
  Method extends keyof paths[Path],
> = paths[Path][Method] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;
