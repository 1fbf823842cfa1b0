/**
 * Reads the regular HCL of infra/terraform (blocks, one attribute per line, multi-line values kept as
 * text) into a tree, so tests can check what the Terraform declares without running Terraform and
 * without trusting the generator that wrote it.
 */
export interface HclBlock {
  type: string;
  labels: string[];
  attributes: Record<string, string>;
  blocks: HclBlock[];
}

const BLOCK_OPEN = /^([A-Za-z_][\w-]*)((?:\s+"[^"]*")*)\s*\{(\})?$/;
const ATTRIBUTE = /^([A-Za-z_][\w-]*|"[^"]+")\s*=\s*(.*)$/;

/** Bracket depth change of a line, ignoring brackets inside strings. */
function bracketChange(line: string): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "#") break;
    else if (c === "{" || c === "(" || c === "[") depth++;
    else if (c === "}" || c === ")" || c === "]") depth--;
  }
  return depth;
}

export function readHcl(text: string): HclBlock {
  const root: HclBlock = { type: "file", labels: [], attributes: {}, blocks: [] };
  const stack: HclBlock[] = [root];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? "").trim();
    const current = stack.at(-1);
    if (!current) throw new Error(`line ${i + 1}: unbalanced "}"`);
    if (line === "" || line.startsWith("#")) continue;
    if (line === "}") {
      stack.pop();
      continue;
    }
    const open = BLOCK_OPEN.exec(line);
    if (open) {
      const block: HclBlock = {
        type: open[1] ?? "",
        labels: [...(open[2] ?? "").matchAll(/"([^"]*)"/g)].map((m) => m[1] ?? ""),
        attributes: {},
        blocks: [],
      };
      current.blocks.push(block);
      if (!open[3]) stack.push(block);
      continue;
    }
    const attribute = ATTRIBUTE.exec(line);
    if (!attribute) throw new Error(`line ${i + 1}: cannot read "${line}"`);
    let value = attribute[2] ?? "";
    // A value that opens more brackets than it closes continues on the next lines.
    for (let depth = bracketChange(value); depth > 0 && i + 1 < lines.length;) {
      const next = (lines[++i] ?? "").trim();
      value += `\n${next}`;
      depth += bracketChange(next);
    }
    current.attributes[(attribute[1] ?? "").replace(/^"|"$/g, "")] = value;
  }
  if (stack.length !== 1) throw new Error("unclosed block at end of file");
  return root;
}

/** The blocks of `type` whose labels start with `labels`. */
export function blocksOf(parent: HclBlock, type: string, ...labels: string[]): HclBlock[] {
  return parent.blocks.filter(
    (b) => b.type === type && labels.every((label, i) => b.labels[i] === label),
  );
}

/** A quoted attribute's string value. */
export function stringAttribute(block: HclBlock, name: string): string | undefined {
  const value = block.attributes[name];
  if (value === undefined) return undefined;
  const match = /^"((?:[^"\\]|\\.)*)"$/.exec(value);
  if (!match) throw new Error(`${name} = ${value} is not a string`);
  return JSON.parse(`"${match[1]}"`) as string;
}
