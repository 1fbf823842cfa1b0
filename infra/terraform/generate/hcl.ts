/**
 * A small HCL writer whose output is what `terraform fmt` would leave unchanged: two-space indents,
 * and the `=` of consecutive one-line attributes aligned (an attribute whose value spans lines, like
 * `type = object({`, is not aligned and ends the run, exactly as hclwrite does).
 */
export type Node =
  | { kind: "attr"; key: string; value: string }
  | { kind: "object"; key: string; open: string; close: string; entries: Node[] }
  | { kind: "block"; type: string; labels: string[]; body: Node[] }
  | { kind: "comment"; text: string }
  | { kind: "item"; text: string }
  | { kind: "blank" };

export const attr = (key: string, value: string): Node => ({ kind: "attr", key, value });
export const object = (key: string, entries: Node[], open = "{", close = "}"): Node => ({
  kind: "object",
  key,
  open,
  close,
  entries,
});
export const block = (type: string, labels: string[], body: Node[]): Node => ({
  kind: "block",
  type,
  labels,
  body,
});
export const comment = (text: string): Node => ({ kind: "comment", text });
export const blank: Node = { kind: "blank" };
/** One element of a list written one per line. */
export const item = (text: string): Node => ({ kind: "item", text });

/** A quoted HCL string; `${` and `%{` are escaped so nothing is interpolated. */
export function str(value: string): string {
  return JSON.stringify(value).replace(/\$\{/g, "$${").replace(/%\{/g, "%%{");
}

export function list(values: readonly string[]): string {
  return `[${values.join(", ")}]`;
}

function render(nodes: readonly Node[], indent: string): string[] {
  const lines: string[] = [];
  let run: { key: string; value: string }[] = [];
  const flush = () => {
    const width = Math.max(...run.map((a) => a.key.length));
    for (const a of run) lines.push(`${indent}${a.key.padEnd(width)} = ${a.value}`);
    run = [];
  };
  for (const node of nodes) {
    if (node.kind === "attr") {
      run.push(node);
      continue;
    }
    if (run.length) flush();
    switch (node.kind) {
      case "object":
        lines.push(`${indent}${node.key} = ${node.open}`);
        lines.push(...render(node.entries, `${indent}  `));
        lines.push(`${indent}${node.close}`);
        break;
      case "block": {
        const head = [node.type, ...node.labels.map((l) => str(l))].join(" ");
        lines.push(`${indent}${head} {`);
        lines.push(...render(node.body, `${indent}  `));
        lines.push(`${indent}}`);
        break;
      }
      case "comment":
        lines.push(...node.text.split("\n").map((l) => `${indent}#${l ? ` ${l}` : ""}`));
        break;
      case "item":
        lines.push(`${indent}${node.text},`);
        break;
      case "blank":
        lines.push("");
        break;
    }
  }
  if (run.length) flush();
  return lines;
}

/** A whole file: top-level nodes separated as given, ending with one newline. */
export function renderFile(nodes: readonly Node[]): string {
  return `${render(nodes, "").join("\n")}\n`;
}
