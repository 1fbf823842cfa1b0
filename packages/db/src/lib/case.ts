/**
 * Item attributes are snake_case (the reference's convention, so its items read back); domain objects
 * are camelCase. Only TOP-LEVEL names are converted: nested documents (agent config, metadata) are
 * stored exactly as given.
 */
export function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

export function camelCase(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

export function toItemKeys(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[snakeCase(k)] = v;
  return out;
}

export function fromItemKeys(item: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) out[camelCase(k)] = v;
  return out;
}
