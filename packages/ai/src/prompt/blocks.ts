/**
 * The turn's prompt protocol: customer text and knowledge travel in tagged blocks, escaped so their
 * content can never close a block or open a new one. The offline model reads the same tags.
 */
export const TAGS = {
  context: "turn_context",
  knowledge: "knowledge",
  excerpt: "excerpt",
  customer: "customer_message",
} as const;

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

export function escapeBlockText(text: string): string {
  return text.replace(/[&<>]/g, (char) => ESCAPES[char]!);
}

function escapeAttribute(text: string): string {
  return oneLine(text).replace(/[&<>"]/g, (char) => ESCAPES[char]!);
}

export function unescapeBlockText(text: string): string {
  return text.replace(/&(amp|lt|gt|quot);/g, (_, name: string) =>
    name === "amp" ? "&" : name === "lt" ? "<" : name === "gt" ? ">" : '"',
  );
}

export function block(tag: string, body: string, attributes: Record<string, string> = {}): string {
  const attrs = Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${escapeAttribute(value)}"`)
    .join("");
  return `<${tag}${attrs}>\n${body}\n</${tag}>`;
}

/** Names, titles and other one-line values: newlines would let them pose as new prompt lines. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
