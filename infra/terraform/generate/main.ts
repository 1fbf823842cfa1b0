// `npm run infra:generate`: writes infra/terraform's generated files (tables.tf.json, permissions.tf.json) from
// the table definitions and the permission lists. `--check` only reports whether they are current.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generatedTerraform } from "./files";

const dir = join(import.meta.dirname, "..");
const checkOnly = process.argv.includes("--check");
let stale = 0;
for (const [name, text] of Object.entries(generatedTerraform())) {
  const path = join(dir, name);
  let current = "";
  try {
    current = readFileSync(path, "utf8");
  } catch {
    current = "";
  }
  if (current === text) {
    console.log(`unchanged ${name}`);
  } else if (checkOnly) {
    stale++;
    console.log(`stale     ${name}`);
  } else {
    writeFileSync(path, text);
    console.log(`wrote     ${name}`);
  }
}
if (stale) process.exit(1);
