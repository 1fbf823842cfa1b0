import type { Db } from "../client/db";
import { TABLE_DEFINITIONS } from "../tables/definitions";
import { describeTable } from "./wait";

/** The configured tables that do not exist (one DescribeTable each, in parallel). */
export async function missingTables(db: Db): Promise<string[]> {
  const names = TABLE_DEFINITIONS.map((definition) => db.tables[definition.id]);
  const found = await Promise.all(names.map((name) => describeTable(db, name)));
  return names.filter((_, i) => found[i] === undefined);
}
