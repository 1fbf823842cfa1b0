import { renderTfJson } from "./tf-json";
import { PERMISSIONS_HEADER, permissionsTf } from "./permissions";
import { TABLES_HEADER, tablesTf } from "./tables";

/** The generated files of infra/terraform, by name. */
export function generatedTerraform(): Record<string, string> {
  return {
    "tables.tf.json": renderTfJson(TABLES_HEADER, tablesTf()),
    "permissions.tf.json": renderTfJson(PERMISSIONS_HEADER, permissionsTf()),
  };
}
