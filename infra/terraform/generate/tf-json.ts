/**
 * Terraform's JSON syntax (https://developer.hashicorp.com/terraform/language/syntax/json): a
 * `*.tf.json` file declares what a `.tf` file would, as plain JSON, so generated Terraform needs no
 * HCL writer. Property values are string templates: an expression is written `${…}`, and a literal
 * that could look like one is escaped.
 */
export type TfValue = string | number | boolean | TfValue[] | TfJson;
export type TfJson = { [key: string]: TfValue };

/** An expression, e.g. `expr("var.name")` → `"${var.name}"` (a lone interpolation keeps its type). */
export const expr = (expression: string): string => `\${${expression}}`;

/** A literal string: `${` and `%{` are escaped so nothing is interpolated. */
export const literal = (value: string): string =>
  value.replace(/\$\{/g, "$${").replace(/%\{/g, "%%{");

/** A whole file: the `//` property is Terraform's comment in JSON. */
export function renderTfJson(comment: string, body: TfJson): string {
  return `${JSON.stringify({ "//": comment, ...body }, null, 2)}\n`;
}
