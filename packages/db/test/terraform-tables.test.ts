import { readFileSync } from "node:fs";
import { join } from "node:path";
import { TABLE_ENV_DEFAULTS, tableNamesFrom } from "@agents-crm/config";
import { describe, expect, it } from "vitest";
import { generatedTerraform } from "../../../infra/terraform/generate/files";
import { resourceName, tableEnvNames } from "../../../infra/terraform/generate/tables";
import { TABLE_DEFINITIONS } from "../src/tables/definitions";

const terraformDir = join(import.meta.dirname, "../../../infra/terraform");

interface KeyBlock {
  name?: string;
  hash_key?: string;
  range_key?: string;
  projection_type?: string;
}
interface TableResource extends KeyBlock {
  billing_mode?: string;
  attribute?: { name: string; type: string }[];
  global_secondary_index?: KeyBlock[];
  ttl?: { attribute_name: string; enabled: boolean };
  point_in_time_recovery?: { enabled: string };
}
/** The committed tables.tf.json, read as the JSON it is (not through the generator that wrote it). */
const tablesTf = JSON.parse(readFileSync(join(terraformDir, "tables.tf.json"), "utf8")) as {
  variable: { table_names: { type: string } };
  resource: { aws_dynamodb_table: Record<string, TableResource> };
  locals: { tables: Record<string, string>; table_env: Record<string, string> };
};

function tableResource(name: string): TableResource {
  const resource = tablesTf.resource.aws_dynamodb_table[name];
  if (!resource)
    throw new Error(`infra/terraform/tables.tf.json has no aws_dynamodb_table.${name}`);
  return resource;
}

/** The `key = value` attributes of an object type constraint, `object({ a = …, b = … })`. */
const typeEntries = (type: string) =>
  Object.fromEntries(
    [...type.matchAll(/([\w-]+) = (optional\([^)]*\))/g)].map((m): [string, string] => [
      m[1] ?? "",
      m[2] ?? "",
    ]),
  );

/** A key as "partition / sort", for readable diffs. */
const keyOf = (hash?: string, range?: string) => [hash, range].filter(Boolean).join(" / ");

describe("infra/terraform against packages/db's table definitions", () => {
  it("the committed generated files are exactly what `npm run infra:generate` writes", () => {
    for (const [name, text] of Object.entries(generatedTerraform())) {
      expect(
        readFileSync(join(terraformDir, name), "utf8"),
        `${name} is stale: run npm run infra:generate`,
      ).toBe(text);
    }
  });

  it("declares one table per definition and no other", () => {
    const declared = Object.keys(tablesTf.resource.aws_dynamodb_table);
    expect(declared.sort()).toEqual(TABLE_DEFINITIONS.map((t) => resourceName(t.id)).sort());
  });

  it.each(TABLE_DEFINITIONS.map((t) => [t.id, t] as const))(
    "%s: name, keys, attribute types, indexes and TTL match",
    (_, table) => {
      const resource = tableResource(resourceName(table.id));
      expect(resource.name).toBe(`\${var.table_names.${resourceName(table.id)}}`);
      expect(resource.billing_mode).toBe("PAY_PER_REQUEST");
      expect(keyOf(resource.hash_key, resource.range_key)).toBe(
        keyOf(table.partition.name, table.sort?.name),
      );

      const types = Object.fromEntries((resource.attribute ?? []).map((a) => [a.name, a.type]));
      const expectedTypes: Record<string, string> = {};
      for (const key of [table, ...table.indexes]) {
        for (const a of [key.partition, key.sort]) if (a) expectedTypes[a.name] = a.type;
      }
      expect(types).toEqual(expectedTypes);

      const indexes = (resource.global_secondary_index ?? []).map((g) => ({
        name: g.name,
        key: keyOf(g.hash_key, g.range_key),
        projection: g.projection_type,
      }));
      expect(indexes).toEqual(
        table.indexes.map((i) => ({
          name: i.name,
          key: keyOf(i.partition.name, i.sort?.name),
          projection: "ALL",
        })),
      );

      const ttl = resource.ttl;
      expect(ttl?.attribute_name).toBe(table.ttlAttribute);
      if (ttl) expect(ttl.enabled).toBe(true);
      expect(resource.point_in_time_recovery?.enabled).toBe("${var.point_in_time_recovery}");
    },
  );

  it("defaults each table name to its DYNAMODB_TABLE_* default and exports the variable names", () => {
    const { variable, locals } = tablesTf;
    const defaults = tableNamesFrom(TABLE_ENV_DEFAULTS);
    const env = tableEnvNames();
    const byName = (f: (id: (typeof TABLE_DEFINITIONS)[number]["id"]) => [string, string]) =>
      Object.fromEntries(TABLE_DEFINITIONS.map((t) => f(t.id)));

    expect(typeEntries(variable.table_names.type)).toEqual(
      byName((id) => [resourceName(id), `optional(string, "${defaults[id]}")`]),
    );
    expect(locals.tables).toEqual(
      byName((id) => [resourceName(id), `\${aws_dynamodb_table.${resourceName(id)}}`]),
    );
    expect(locals.table_env).toEqual(
      byName((id) => [env[id], `\${aws_dynamodb_table.${resourceName(id)}.name}`]),
    );
    expect(Object.keys(locals.table_env).sort()).toEqual(Object.keys(TABLE_ENV_DEFAULTS).sort());
  });
});
