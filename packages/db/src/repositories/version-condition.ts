/**
 * Optimistic-concurrency condition on the `version` attribute. Items written by the reference have no
 * version: they count as version 0, so `expectedVersion: 0` matches them.
 */
export function versionCondition(expectedVersion: number | undefined): {
  expression: string;
  names: Record<string, string>;
  values: Record<string, unknown>;
} {
  if (expectedVersion === undefined) return { expression: "", names: {}, values: {} };
  const names = { "#ver": "version" };
  const values = { ":expected": expectedVersion };
  return expectedVersion === 0
    ? { expression: "(attribute_not_exists(#ver) OR #ver = :expected)", names, values }
    : { expression: "#ver = :expected", names, values };
}
