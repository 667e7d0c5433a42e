/**
 * Resource matching as API Gateway REST APIs do it.
 *
 * - `{name}` matches exactly one non-empty path segment; a final `{name+}` (e.g. `{proxy+}`)
 *   matches one or more segments.
 * - When several resources match a path, the most specific wins, segment by segment from the left:
 *   a literal beats `{name}`, which beats `{name+}`. So GET /v1/things/mine goes to
 *   '/v1/things/mine', not to '/v1/things/{id}'.
 * - The resource is chosen first, the method second: a path whose best resource lacks the method
 *   is not routed to a less specific resource that has it (the API answers 404 instead).
 */
import type { RouteDefinition } from './types.ts';

type Segment =
  | { kind: 'literal'; value: string }
  | { kind: 'param'; name: string }
  | { kind: 'greedy'; name: string };

const RANK: Record<Segment['kind'], number> = { literal: 2, param: 1, greedy: 0 };

export interface CompiledResource {
  /** The template path, e.g. '/v1/cases/{caseId}'. */
  path: string;
  segments: Segment[];
  methods: Map<string, RouteDefinition>;
}

export interface ResourceMatch {
  resource: CompiledResource;
  /** Raw (still percent-encoded) values; null when the resource has no template. */
  rawParameters: Record<string, string> | null;
}

export function compileRoutes(routes: readonly RouteDefinition[]): CompiledResource[] {
  const byPath = new Map<string, CompiledResource>();
  for (const route of routes) {
    const path = normalizeTemplate(route.path);
    let resource = byPath.get(path);
    if (!resource) {
      resource = { path, segments: parseTemplate(path), methods: new Map() };
      byPath.set(path, resource);
    }
    const method = route.method.toUpperCase();
    if (resource.methods.has(method)) {
      throw new Error(`duplicate route ${method} ${route.path}`);
    }
    resource.methods.set(method, route);
  }
  return [...byPath.values()];
}

/** The most specific resource matching the (raw, percent-encoded) path, or undefined. */
export function matchResource(
  resources: readonly CompiledResource[],
  rawPath: string,
): ResourceMatch | undefined {
  const parts = splitPath(rawPath);
  if (!parts) return undefined;
  let best: ResourceMatch | undefined;
  for (const resource of resources) {
    const rawParameters = matchSegments(resource.segments, parts);
    if (rawParameters === undefined) continue;
    if (!best || compareSpecificity(resource.segments, best.resource.segments) > 0) {
      best = { resource, rawParameters };
    }
  }
  return best;
}

/** The literal first segments of the table's paths, e.g. ['/v1']; '/' when a path starts with a template. */
export function routePrefixes(resources: readonly CompiledResource[]): string[] {
  const prefixes = new Set<string>();
  for (const { segments } of resources) {
    const first = segments[0];
    prefixes.add(first?.kind === 'literal' ? `/${first.value}` : '/');
  }
  return [...prefixes];
}

function normalizeTemplate(path: string): string {
  if (!path.startsWith('/')) throw new Error(`route path must start with '/': ${path}`);
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

function parseTemplate(path: string): Segment[] {
  if (path === '/') return [];
  const parts = path.slice(1).split('/');
  return parts.map((part, index): Segment => {
    const template = /^\{([A-Za-z0-9_.-]+)(\+?)\}$/.exec(part);
    if (!template) {
      if (part.length === 0 || part.includes('{') || part.includes('}')) {
        throw new Error(`bad route path segment '${part}' in ${path}`);
      }
      return { kind: 'literal', value: part };
    }
    const name = template[1] as string;
    if (template[2] === '+') {
      if (index !== parts.length - 1)
        throw new Error(`greedy {${name}+} must end the path: ${path}`);
      return { kind: 'greedy', name };
    }
    return { kind: 'param', name };
  });
}

/** Splits a request path into raw segments; a single trailing slash is ignored. */
function splitPath(rawPath: string): string[] | undefined {
  if (!rawPath.startsWith('/')) return undefined;
  if (rawPath === '/') return [];
  const trimmed = rawPath.endsWith('/') ? rawPath.slice(0, -1) : rawPath;
  return trimmed.slice(1).split('/');
}

function matchSegments(
  segments: readonly Segment[],
  parts: readonly string[],
): Record<string, string> | null | undefined {
  let params: Record<string, string> | null = null;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as Segment;
    if (segment.kind === 'greedy') {
      const rest = parts.slice(i);
      if (rest.length === 0 || rest.some((p) => p.length === 0)) return undefined;
      params = { ...(params ?? {}), [segment.name]: rest.join('/') };
      return params;
    }
    const part = parts[i];
    if (part === undefined || part.length === 0) return undefined;
    if (segment.kind === 'literal') {
      if (!literalEquals(segment.value, part)) return undefined;
    } else {
      params = { ...(params ?? {}), [segment.name]: part };
    }
  }
  return parts.length === segments.length ? params : undefined;
}

function literalEquals(literal: string, rawPart: string): boolean {
  if (literal === rawPart) return true;
  try {
    return literal === decodeURIComponent(rawPart);
  } catch {
    return false;
  }
}

/** > 0 when `a` is more specific than `b`. */
function compareSpecificity(a: readonly Segment[], b: readonly Segment[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const diff = RANK[(a[i] as Segment).kind] - RANK[(b[i] as Segment).kind];
    if (diff !== 0) return diff;
  }
  return a.length - b.length;
}
