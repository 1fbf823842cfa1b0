import { renderFile } from "./hcl";
import { permissionsTf } from "./permissions";
import { tablesTf } from "./tables";

/** The generated files of infra/terraform, by name. */
export function generatedTerraform(): Record<string, string> {
  return {
    "tables.tf": renderFile(tablesTf()),
    "permissions.tf": renderFile(permissionsTf()),
  };
}
