import type {
  AttributeDefinition,
  GlobalSecondaryIndex,
  KeySchemaElement,
} from "@aws-sdk/client-dynamodb";
import type { IndexDefinition, KeyDefinition, TableDefinition } from "../tables/definitions";

export function keySchema(key: KeyDefinition): KeySchemaElement[] {
  return [
    { AttributeName: key.partition.name, KeyType: "HASH" },
    ...(key.sort ? [{ AttributeName: key.sort.name, KeyType: "RANGE" as const }] : []),
  ];
}

export function attributeDefinitions(keys: readonly KeyDefinition[]): AttributeDefinition[] {
  const byName = new Map<string, AttributeDefinition>();
  for (const key of keys) {
    for (const attribute of [key.partition, key.sort]) {
      if (attribute)
        byName.set(attribute.name, {
          AttributeName: attribute.name,
          AttributeType: attribute.type,
        });
    }
  }
  return [...byName.values()];
}

export function globalIndex(index: IndexDefinition): GlobalSecondaryIndex {
  return {
    IndexName: index.name,
    KeySchema: keySchema(index),
    Projection: { ProjectionType: "ALL" },
  };
}

/** "pk:S, sk:S" for messages that compare a definition with what exists. */
export function describeKey(
  schema: readonly KeySchemaElement[] | undefined,
  types: Map<string, string>,
): string {
  return (schema ?? [])
    .map((k) => `${k.AttributeName}:${types.get(k.AttributeName ?? "") ?? "?"} (${k.KeyType})`)
    .join(", ");
}

export function definitionTypes(table: TableDefinition): Map<string, string> {
  return new Map(
    attributeDefinitions([table, ...table.indexes]).map((a) => [
      a.AttributeName ?? "",
      a.AttributeType ?? "",
    ]),
  );
}
