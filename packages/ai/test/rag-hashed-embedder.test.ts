import { describe, expect, it } from "vitest";
import { createHashedEmbedder, HASHED_EMBEDDING_MODEL } from "../src/rag/hashed-embedder";

const embedder = createHashedEmbedder();

const cosine = (a: Float32Array, b: Float32Array) =>
  a.reduce((sum, x, i) => sum + x * (b[i] ?? 0), 0);
const norm = (v: Float32Array) => Math.sqrt(cosine(v, v));

async function embedOne(text: string, e = embedder): Promise<Float32Array> {
  const { vectors } = await e.embed([text]);
  return vectors[0] as Float32Array;
}

const documents = [
  "Opening hours: Monday to Friday 09:00–18:00, Saturday 10:00–14:00, Sunday closed.",
  "Our clinic is located at 12 Sheikh Zayed Road, Dubai. Parking is available in the basement.",
  "Services: dermatology consultations, laser hair removal, botox and fillers, chemical peels.",
  "Prices: a first consultation costs 500 AED; follow-up visits cost 300 AED.",
  "Часы работы клиники: с понедельника по пятницу с 9:00 до 18:00, в субботу с 10:00 до 14:00.",
  "Наш адрес: Дубай, Шейх Зайед роуд, 12. Бесплатная парковка для пациентов.",
  "ساعات العمل: من الاثنين إلى الجمعة من الساعة 9 صباحاً حتى 6 مساءً.",
  "عنوان العيادة: شارع الشيخ زايد، دبي. يتوفر موقف للسيارات.",
];

describe("createHashedEmbedder", () => {
  it("names its model and dimension (512 by default)", async () => {
    expect(embedder.model).toBe(HASHED_EMBEDDING_MODEL);
    expect(embedder.dimensions).toBe(512);
    expect((await embedOne("hello")).length).toBe(512);
    const small = createHashedEmbedder({ dimensions: 64 });
    expect((await embedOne("hello", small)).length).toBe(64);
    expect(() => createHashedEmbedder({ dimensions: 0 })).toThrow(RangeError);
  });

  it("is deterministic across calls and instances", async () => {
    const text = "Where is the clinic? Где клиника? أين العيادة؟";
    const a = await embedOne(text);
    const b = await embedOne(text, createHashedEmbedder());
    expect(Array.from(a)).toEqual(Array.from(b));
  });

  it("returns unit vectors, even for text without words", async () => {
    const { vectors } = await embedder.embed(documents);
    for (const v of vectors) expect(norm(v)).toBeCloseTo(1, 5);
    expect(norm(await embedOne("  ... !!! "))).toBeCloseTo(1, 5);
  });

  it("ignores case, width, accents and Arabic vowel marks", async () => {
    const same = async (a: string, b: string) =>
      expect(Array.from(await embedOne(a))).toEqual(Array.from(await embedOne(b)));
    await same("Café CRÈME Naïve", "cafe creme naive");
    await same("Ёлка и ЁЖ", "елка и еж");
    await same("ＡＢＣ ｄｅｆ", "abc def");
    await same("مَرْحَبًا بِكُمْ", "مرحبا بكم");
    await same("أحمد في المدرسة", "احمد في المدرسه");
  });

  it("makes a question find the document that answers it, in English, Russian and Arabic", async () => {
    const { vectors } = await embedder.embed(documents);
    const cases: [string, number][] = [
      ["What are your opening hours?", 0],
      ["when are you open on saturday", 0],
      ["where is the clinic?", 1],
      ["how much does a consultation cost", 3],
      ["do you do laser hair removal", 2],
      ["Какие у вас часы работы?", 4],
      ["Где вы находитесь? Какой у вас адрес?", 5],
      ["ما هي ساعات العمل؟", 6],
      ["أين تقع العيادة", 7],
    ];
    for (const [query, expected] of cases) {
      const q = await embedOne(query);
      const scores = vectors.map((v) => cosine(q, v));
      const best = scores.indexOf(Math.max(...scores));
      expect({ query, best }).toEqual({ query, best: expected });
      expect(scores[expected]).toBeGreaterThan(0.15);
    }
  });

  it("scores related word forms above unrelated text", async () => {
    const hours = await embedOne("часов работы");
    expect(cosine(hours, await embedOne("Часы работы клиники"))).toBeGreaterThan(
      cosine(hours, await embedOne("Бесплатная парковка для пациентов")) + 0.2,
    );
  });

  it("reports free, local metrics with a word count as tokens", async () => {
    const { metrics } = await embedder.embed(["one two three", "four"]);
    expect(metrics).toMatchObject({
      step: "embedding",
      model: HASHED_EMBEDDING_MODEL,
      costUsd: 0,
      attempts: 1,
      usage: { promptTokens: 4, completionTokens: 0, totalTokens: 4 },
    });
  });

  it("honours an aborted signal", async () => {
    const controller = new AbortController();
    controller.abort(new Error("stop"));
    await expect(embedder.embed(["x"], controller.signal)).rejects.toThrow("stop");
  });
});
