/** The parts of an OpenAPI document the operation checks read. */
export interface OperationsDocument {
  tags?: { name: string }[];
  paths?: Record<string, Record<string, { operationId?: string; tags?: string[] }>>;
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
const CAMEL_CASE = /^[a-z][a-zA-Z0-9]*$/;

/**
 * What is wrong with a document's operations, one line each: an operation without an operationId,
 * one not camelCase, two sharing one, an operation without tags, or with a tag the document does
 * not declare. Empty when all is well.
 */
export function operationProblems(document: OperationsDocument): string[] {
  const problems: string[] = [];
  const declared = new Set((document.tags ?? []).map((tag) => tag.name));
  const byId = new Map<string, string>();
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      const where = `${method.toUpperCase()} ${path}`;
      const id = operation.operationId;
      if (!id) problems.push(`${where}: no operationId`);
      else if (!CAMEL_CASE.test(id))
        problems.push(`${where}: operationId "${id}" is not camelCase`);
      else if (byId.has(id))
        problems.push(`${where}: operationId "${id}" is also ${byId.get(id)}'s`);
      else byId.set(id, where);
      if (!operation.tags?.length) problems.push(`${where}: no tags`);
      for (const tag of operation.tags ?? []) {
        if (!declared.has(tag)) problems.push(`${where}: tag "${tag}" is not declared`);
      }
    }
  }
  return problems;
}
