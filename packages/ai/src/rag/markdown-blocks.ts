export type BlockKind = "heading" | "paragraph" | "code";

export interface Block {
  kind: BlockKind;
  text: string;
  /** For code: the opening and closing fence lines, so a split code block can be re-fenced. */
  fence?: { open: string; close: string };
}

const HEADING = /^ {0,3}#{1,6}(?:\s|$)/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;

/** Headings, paragraphs (separated by blank lines) and fenced code blocks, in document order. */
export function parseBlocks(text: string): Block[] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const flushParagraph = () => {
    const body = paragraph.join("\n").trim();
    if (body) blocks.push({ kind: "paragraph", text: body });
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? "").trimEnd();
    const fence = FENCE_OPEN.exec(line);
    if (fence?.[1]) {
      flushParagraph();
      const end = closingFenceIndex(lines, i + 1, fence[1]);
      const body = lines.slice(i + 1, end).join("\n");
      const close = end < lines.length ? (lines[end] ?? "").trim() : fence[1];
      blocks.push({
        kind: "code",
        text: [line, body, close].join("\n"),
        fence: { open: line, close },
      });
      i = end;
    } else if (HEADING.test(line)) {
      flushParagraph();
      if (line.replace(/#/g, "").trim()) blocks.push({ kind: "heading", text: line.trim() });
    } else if (line.trim() === "") {
      flushParagraph();
    } else {
      paragraph.push(line);
    }
  }
  flushParagraph();
  return blocks;
}

function closingFenceIndex(lines: string[], from: number, opener: string): number {
  const char = opener[0] ?? "`";
  for (let i = from; i < lines.length; i++) {
    const line = (lines[i] ?? "").trim();
    if (line.length >= opener.length && line === char.repeat(line.length)) return i;
  }
  return lines.length;
}
