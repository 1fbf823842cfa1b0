import { describe, expect, it } from "vitest";
import { chunkText } from "../src/rag/chunk";
import { splitSentences } from "../src/rag/sentences";

const words = (text: string) => text.split(/\s+/).filter(Boolean);

/** Length of the longest start of `current` (up to `max`) that `previous` ends with. */
function overlapLength(previous: string, current: string, max: number): number {
  for (let n = Math.min(max, current.length); n > 0; n--) {
    if (previous.endsWith(current.slice(0, n))) return n;
  }
  return 0;
}

const sentences = Array.from(
  { length: 40 },
  (_, i) =>
    `Sentence number ${i + 1} talks about topic ${String.fromCharCode(65 + (i % 26))} in some detail.`,
);
const prose = sentences.join(" ");

describe("chunkText", () => {
  it("returns no chunks for empty or whitespace-only documents", () => {
    expect(chunkText("")).toEqual([]);
    expect(chunkText("  \n\n\t \r\n ")).toEqual([]);
  });

  it("keeps a short document as a single trimmed chunk", () => {
    expect(chunkText("\n  Opening hours: 9 to 18.  \n")).toEqual(["Opening hours: 9 to 18."]);
  });

  it("cuts prose at sentence ends, within the target size, never inside a word", () => {
    const chunks = chunkText(prose, { targetSize: 300, overlap: 0 });
    expect(chunks.length).toBeGreaterThan(5);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(300);
      expect(chunk).toMatch(/^Sentence number \d+/);
      expect(chunk).toMatch(/detail\.$/);
    }
    expect(words(chunks.join(" "))).toEqual(words(prose));
  });

  it("repeats the previous chunk's last sentences as overlap, up to the overlap size", () => {
    const chunks = chunkText(prose, { targetSize: 300, overlap: 150 });
    for (let i = 1; i < chunks.length; i++) {
      const current = chunks[i] ?? "";
      const shared = overlapLength(chunks[i - 1] ?? "", current, 150);
      expect(shared).toBeGreaterThan(50);
      expect(current.slice(0, shared)).toMatch(/^Sentence number \d+.*detail\.$/);
      expect(current.length).toBeLessThanOrEqual(300);
    }
    const covered = new Set(chunks.flatMap((c) => c.match(/Sentence number \d+/g) ?? []));
    expect(covered.size).toBe(sentences.length);
  });

  it("falls back to a word-boundary overlap when the last sentence is longer than the overlap", () => {
    const longSentences = Array.from(
      { length: 6 },
      (_, i) => `${"lorem ipsum dolor ".repeat(8)}sit amet ${i}.`,
    );
    const chunks = chunkText(longSentences.join(" "), { targetSize: 320, overlap: 60 });
    for (let i = 1; i < chunks.length; i++) {
      const current = chunks[i] ?? "";
      const previous = chunks[i - 1] ?? "";
      const shared = overlapLength(previous, current, 60);
      expect(shared).toBeGreaterThan(10);
      expect(current.slice(0, shared)).toMatch(/^\S/);
      expect(previous.at(-shared - 1)).toBe(" ");
    }
  });

  it("splits Cyrillic and Arabic text at their own sentence punctuation", () => {
    const russian = Array.from(
      { length: 12 },
      (_, i) =>
        `Предложение ${i + 1}: клиника работает с понедельника по пятницу, т.е. пять дней в неделю.`,
    ).join(" ");
    for (const chunk of chunkText(russian, { targetSize: 200, overlap: 0 })) {
      expect(chunk).toMatch(/^Предложение \d+:/);
      expect(chunk).toMatch(/неделю\.$/);
    }
    const arabic = Array.from(
      { length: 12 },
      (_, i) => `هل العيادة مفتوحة يوم ${i + 1}؟ نعم، نحن نعمل من الساعة التاسعة۔`,
    ).join(" ");
    for (const chunk of chunkText(arabic, { targetSize: 150, overlap: 0 })) {
      expect(chunk).toMatch(/^(هل العيادة|نعم،)/);
      expect(chunk).toMatch(/(يوم \d+؟|التاسعة۔)$/);
    }
  });

  it("keeps each heading together with the start of its section", () => {
    const sections = ["Opening hours", "Prices", "Address", "Doctors"].map(
      (title) => `## ${title}\n\n${sentences.slice(0, 5).join(" ")}`,
    );
    const chunks = chunkText(`# Clinic\n\n${sections.join("\n\n")}`, {
      targetSize: 400,
      overlap: 100,
    });
    for (const chunk of chunks) {
      const lines = chunk.split("\n");
      expect(lines.at(-1)).not.toMatch(/^#/);
    }
    for (const title of ["Opening hours", "Prices", "Address", "Doctors"]) {
      const chunk = chunks.find((c) => c.includes(`## ${title}`));
      expect(chunk).toMatch(new RegExp(`## ${title}\\nSentence number 1 `));
    }
  });

  it("does not split a fenced code block that fits, even across blank lines inside it", () => {
    const code = "```ts\nconst a = 1;\n\nconst b = 2;\n\n# not a heading\n```";
    const text = `${sentences.slice(0, 6).join(" ")}\n\n${code}\n\n${sentences.slice(6, 12).join(" ")}`;
    const chunks = chunkText(text, { targetSize: 400, overlap: 50 });
    expect(chunks.filter((c) => c.includes(code))).toHaveLength(1);
    expect(chunks.filter((c) => c.includes("const b"))).toHaveLength(1);
  });

  it("re-fences every part of a code block larger than a chunk", () => {
    const body = Array.from({ length: 60 }, (_, i) => `  console.log("line ${i}");`).join("\n");
    const chunks = chunkText(`Intro.\n\n\`\`\`js\n${body}\n\`\`\``, {
      targetSize: 300,
      overlap: 50,
    });
    const parts = chunks.filter((c) => c.includes("console.log"));
    expect(parts.length).toBeGreaterThan(3);
    for (const part of parts) {
      expect(part).toMatch(/(^|\n\n)```js\n/);
      expect(part).toMatch(/\n```$/);
      expect(part.length).toBeLessThanOrEqual(300);
    }
    const lines = parts.flatMap((p) => p.split("\n").filter((l) => l.includes("console.log")));
    expect(lines).toEqual(body.split("\n"));
  });

  it("cuts a single huge word at the target size and keeps its characters", () => {
    const word = "x".repeat(950) + "ж".repeat(100);
    const chunks = chunkText(`Short intro. ${word} Outro.`, { targetSize: 400, overlap: 100 });
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(400);
    expect(chunks.join("").replace(/[^xж]/g, "")).toBe(word);
  });

  it("is deterministic", () => {
    const text = `# Title\n\n${prose}\n\n${prose.toUpperCase()}`;
    expect(chunkText(text)).toEqual(chunkText(text));
  });

  it("uses ~800-character chunks with ~150 overlap by default", () => {
    const chunks = chunkText(prose.repeat(3));
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThanOrEqual(800);
    expect(Math.max(...chunks.map((c) => c.length))).toBeGreaterThan(650);
  });

  it("rejects an overlap that leaves no room for new text", () => {
    expect(() => chunkText("text", { targetSize: 200, overlap: 150 })).toThrow(/overlap/);
  });
});

describe("splitSentences", () => {
  it("keeps every character and does not break after abbreviations, initials or before lower case", () => {
    const text =
      'Dr. Smith sees patients, e.g. on Mondays. "Really?" she asked. А. С. Пушкин жил в г. Москва, ул. Ленина, д. 5. Приходите! Цена 3.5 тыс. руб.';
    const parts = splitSentences(text);
    expect(parts.join("")).toBe(text);
    expect(parts.map((p) => p.trim())).toEqual([
      "Dr. Smith sees patients, e.g. on Mondays.",
      '"Really?" she asked.',
      "А. С. Пушкин жил в г. Москва, ул. Ленина, д. 5.",
      "Приходите!",
      "Цена 3.5 тыс. руб.",
    ]);
  });

  it("breaks at Arabic question marks and full stops", () => {
    expect(splitSentences("ما هي ساعات العمل؟ من التاسعة۔ شكرا.").map((p) => p.trim())).toEqual([
      "ما هي ساعات العمل؟",
      "من التاسعة۔",
      "شكرا.",
    ]);
  });
});
