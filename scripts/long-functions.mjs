// Lists the functions (declarations, arrows, methods) longer than N lines in the tracked source files,
// longest first: `node scripts/long-functions.mjs [N=80]`. Tests, e2e and benches are left out.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import ts from "typescript";

const limit = Number(process.argv[2] ?? 80);
const skipped = /(^|\/)(test|e2e|bench)\/|\.(test|e2e|bench)\.tsx?$|\.d\.ts$/;
const files = execFileSync("git", ["ls-files", "*.ts", "*.tsx", "*.mjs"], { encoding: "utf8" })
  .split("\n")
  .filter((file) => file !== "" && !skipped.test(file));

const nameOf = (node) =>
  node.name?.getText() ??
  (ts.isVariableDeclaration(node.parent) ? node.parent.name.getText() : "(anonymous)");

const rows = [];
for (const file of files) {
  const kind = file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(
    file,
    readFileSync(file, "utf8"),
    ts.ScriptTarget.Latest,
    true,
    kind,
  );
  const visit = (node) => {
    if (
      ts.isFunctionDeclaration(node) ||
      ts.isArrowFunction(node) ||
      ts.isFunctionExpression(node) ||
      ts.isMethodDeclaration(node)
    ) {
      const first = source.getLineAndCharacterOfPosition(node.getStart()).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      if (last - first + 1 > limit)
        rows.push([last - first + 1, `${file}:${first + 1}`, nameOf(node)]);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}
rows.sort((a, b) => b[0] - a[0]);
for (const row of rows) console.log(row.join("\t"));
console.log(`${rows.length} functions over ${limit} lines`);
