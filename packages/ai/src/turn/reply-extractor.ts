const SIMPLE_ESCAPES: Record<string, string> = {
  '"': '"',
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
};

function isHighSurrogate(text: string): boolean {
  const code = text.charCodeAt(text.length - 1);
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * Pulls the top-level `"reply"` string out of a JSON answer while it streams, decoding escapes that
 * may be split across chunks. A high surrogate is held back until its pair arrives, so no delta ever
 * carries half a character.
 */
export class ReplyExtractor {
  reply = "";
  replyDone = false;
  private depth = 0;
  private inString = false;
  private role: "key" | "reply" | "other" = "other";
  private escape = false;
  private unicode: string | null = null;
  private key = "";
  private lastKey: string | null = null;
  private expectingKey = false;
  private afterColon = false;
  private held = "";
  private out = "";

  /** Feeds raw model output; returns the reply text decoded from it (possibly ""). */
  push(chunk: string): string {
    this.out = "";
    for (const char of chunk) {
      if (this.inString) this.inStringChar(char);
      else this.structuralChar(char);
    }
    return this.out;
  }

  private structuralChar(char: string): void {
    switch (char) {
      case '"':
        this.inString = true;
        if (this.depth === 1 && this.expectingKey) {
          this.role = "key";
          this.key = "";
        } else if (
          this.depth === 1 &&
          this.afterColon &&
          this.lastKey === "reply" &&
          !this.replyDone
        ) {
          this.role = "reply";
        } else {
          this.role = "other";
        }
        return;
      case "{":
      case "[":
        this.depth += 1;
        if (this.depth === 1) this.expectingKey = char === "{";
        return;
      case "}":
      case "]":
        this.depth -= 1;
        return;
      case ":":
        if (this.depth === 1) {
          this.afterColon = true;
          this.expectingKey = false;
        }
        return;
      case ",":
        if (this.depth === 1) {
          this.expectingKey = true;
          this.afterColon = false;
          this.lastKey = null;
        }
        return;
      default:
        return;
    }
  }

  private inStringChar(char: string): void {
    if (this.unicode !== null) {
      this.unicode += char;
      if (this.unicode.length === 4) {
        const code = Number.parseInt(this.unicode, 16);
        this.unicode = null;
        if (!Number.isNaN(code)) this.emit(String.fromCharCode(code));
      }
      return;
    }
    if (this.escape) {
      this.escape = false;
      if (char === "u") this.unicode = "";
      else this.emit(SIMPLE_ESCAPES[char] ?? char);
      return;
    }
    if (char === "\\") {
      this.escape = true;
      return;
    }
    if (char === '"') {
      this.inString = false;
      if (this.role === "key") this.lastKey = this.key;
      if (this.role === "reply") this.finishReply();
      this.role = "other";
      return;
    }
    this.emit(char);
  }

  private emit(text: string): void {
    if (this.role === "key") {
      this.key += text;
      return;
    }
    if (this.role !== "reply") return;
    const combined = this.held + text;
    this.held = isHighSurrogate(combined) ? combined.slice(-1) : "";
    const ready = this.held ? combined.slice(0, -1) : combined;
    this.reply += ready;
    this.out += ready;
  }

  private finishReply(): void {
    this.reply += this.held;
    this.out += this.held;
    this.held = "";
    this.replyDone = true;
  }
}
