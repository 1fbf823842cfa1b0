export interface UpdateParts {
  UpdateExpression: string;
  ExpressionAttributeNames: Record<string, string>;
  ExpressionAttributeValues: Record<string, unknown>;
}

/**
 * Builds `SET a = :a, ... REMOVE b` from attribute → value (snake_case attribute names): `undefined`
 * leaves an attribute alone, `null` removes it. `extra` clauses (e.g. a version bump) are appended to SET.
 */
export function buildUpdate(
  attributes: Record<string, unknown>,
  extra: { set?: string[]; names?: Record<string, string>; values?: Record<string, unknown> } = {},
): UpdateParts {
  const names: Record<string, string> = { ...extra.names };
  const values: Record<string, unknown> = { ...extra.values };
  const sets: string[] = [];
  const removes: string[] = [];
  let i = 0;
  for (const [attribute, value] of Object.entries(attributes)) {
    if (value === undefined) continue;
    const name = `#u${i}`;
    names[name] = attribute;
    if (value === null) {
      removes.push(name);
    } else {
      values[`:u${i}`] = value;
      sets.push(`${name} = :u${i}`);
    }
    i++;
  }
  sets.push(...(extra.set ?? []));
  const clauses = [
    sets.length ? `SET ${sets.join(", ")}` : "",
    removes.length ? `REMOVE ${removes.join(", ")}` : "",
  ].filter(Boolean);
  if (clauses.length === 0) throw new Error("update has nothing to change");
  return {
    UpdateExpression: clauses.join(" "),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}
