/**
 * Reads a groups claim in any form it may arrive in: a real array (the token itself, or a direct
 * invoke), a comma-separated string ("reviewer,admin", REST authorizer), a bracketed space-separated
 * string ("[reviewer admin]", HTTP API authorizer), or a JSON array string ('["reviewer","admin"]').
 * Anything else, or nothing, is no groups. Duplicates and empty entries are dropped.
 */
export function parseGroupsClaim(value: unknown): string[] {
  let items: unknown[];
  if (Array.isArray(value)) {
    items = value;
  } else if (typeof value === 'string') {
    items = splitGroupsString(value.trim());
  } else {
    return [];
  }
  const groups: string[] = [];
  for (const item of items) {
    if (typeof item !== 'string') continue;
    const group = item.trim();
    if (group.length > 0 && !groups.includes(group)) groups.push(group);
  }
  return groups;
}

function splitGroupsString(text: string): unknown[] {
  if (text.length === 0) return [];
  if (text.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed)) return parsed;
    } catch {
      // not JSON: "[a b]" or "[a, b]"
    }
    const inner = text.endsWith(']') ? text.slice(1, -1) : text.slice(1);
    return inner.split(/[\s,]+/);
  }
  return text.split(/[\s,]+/);
}
