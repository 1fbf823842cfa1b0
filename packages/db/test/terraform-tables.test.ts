import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { TABLE_ENV_DEFAULTS, tableNamesFrom } from "@agents-crm/config";
import { describe, expect, it } from "vitest";
import { blocksOf, readHcl, stringAttribute } from "../../../infra/terraform/hcl-reader";
import type { HclBlock } from "../../../infra/terraform/hcl-reader";
import { generatedTerraform } from "../../../infra/terraform/generate/files";
import { resourceName, tableEnvNames } from "../../../infra/terraform/generate/tables";
import { TABLE_DEFINITIONS } from "../src/tables/definitions";

const terraformDir = join(import.meta.dirname, "../../../infra/terraform");
const tablesTf = readHcl(readFileSync(join(terraformDir, "tables.tf"), "utf8"));

function tableResource(name: string): HclBlock {
  const [resource] = blocksOf(tablesTf, "resource", "aws_dynamodb_table", name);
  if (!resource) throw new Error(`infra/terraform/tables.tf has no aws_dynamodb_table.${name}`);
  return resource;
}

/** The `key = value` lines of a multi-line object value. */
const entries = (value = "") =>
  Object.fromEntries(
    [...value.matchAll(/^\s*"?([\w-]+)"?\s*=\s*(.+)$/gm)].map((m): [string, string] => [
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
    const declared = blocksOf(tablesTf, "resource", "aws_dynamodb_table").map((b) => b.labels[1]);
    expect(declared.sort()).toEqual(TABLE_DEFINITIONS.map((t) => resourceName(t.id)).sort());
  });

  it.each(TABLE_DEFINITIONS.map((t) => [t.id, t] as const))(
    "%s: name, keys, attribute types, indexes and TTL match",
    (_, table) => {
      const resource = tableResource(resourceName(table.id));
      expect(resource.attributes.name).toBe(`var.table_names.${resourceName(table.id)}`);
      expect(stringAttribute(resource, "billing_mode")).toBe("PAY_PER_REQUEST");
      expect(
        keyOf(stringAttribute(resource, "hash_key"), stringAttribute(resource, "range_key")),
      ).toBe(keyOf(table.partition.name, table.sort?.name));

      const types = Object.fromEntries(
        blocksOf(resource, "attribute").map((a): [string, string | undefined] => [
          stringAttribute(a, "name") ?? "",
          stringAttribute(a, "type"),
        ]),
      );
      const expectedTypes: Record<string, string> = {};
      for (const key of [table, ...table.indexes]) {
        for (const a of [key.partition, key.sort]) if (a) expectedTypes[a.name] = a.type;
      }
      expect(types).toEqual(expectedTypes);

      const indexes = blocksOf(resource, "global_secondary_index").map((g) => ({
        name: stringAttribute(g, "name"),
        key: keyOf(stringAttribute(g, "hash_key"), stringAttribute(g, "range_key")),
        projection: stringAttribute(g, "projection_type"),
      }));
      expect(indexes).toEqual(
        table.indexes.map((i) => ({
          name: i.name,
          key: keyOf(i.partition.name, i.sort?.name),
          projection: "ALL",
        })),
      );

      const ttl = blocksOf(resource, "ttl")[0];
      expect(ttl ? stringAttribute(ttl, "attribute_name") : undefined).toBe(table.ttlAttribute);
      if (ttl) expect(ttl.attributes.enabled).toBe("true");
      expect(blocksOf(resource, "point_in_time_recovery")[0]?.attributes.enabled).toBe(
        "var.point_in_time_recovery",
      );
    },
  );

  it("defaults each table name to its DYNAMODB_TABLE_* default and exports the variable names", () => {
    const [variable] = blocksOf(tablesTf, "variable", "table_names");
    const [locals] = blocksOf(tablesTf, "locals");
    const defaults = tableNamesFrom(TABLE_ENV_DEFAULTS);
    const env = tableEnvNames();
    const byName = (f: (id: (typeof TABLE_DEFINITIONS)[number]["id"]) => [string, string]) =>
      Object.fromEntries(TABLE_DEFINITIONS.map((t) => f(t.id)));

    expect(entries(variable?.attributes.type)).toEqual(
      byName((id) => [resourceName(id), `optional(string, "${defaults[id]}")`]),
    );
    expect(entries(locals?.attributes.tables)).toEqual(
      byName((id) => [resourceName(id), `aws_dynamodb_table.${resourceName(id)}`]),
    );
    expect(entries(locals?.attributes.table_env)).toEqual(
      byName((id) => [env[id], `aws_dynamodb_table.${resourceName(id)}.name`]),
    );
    expect(Object.keys(entries(locals?.attributes.table_env)).sort()).toEqual(
      Object.keys(TABLE_ENV_DEFAULTS).sort(),
    );
  });

  it("every .tf file reads as regular HCL", () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory() && entry.name !== "generate") walk(path);
        else if (entry.name.endsWith(".tf")) files.push(path);
      }
    };
    walk(terraformDir);
    expect(files.length).toBeGreaterThan(8);
    for (const file of files) expect(() => readHcl(readFileSync(file, "utf8")), file).not.toThrow();
  });
});
