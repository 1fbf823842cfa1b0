// RAG retrieval benchmark: 5,000 chunks of one agent in the in-memory index, loaded cold from the real
// embedded DynamoDB. Retrieval latency excludes the query embedding (a precomputed-vector embedder answers
// instantly), so it measures what the knowledge base itself adds to a turn. Target: < 20 ms per query.
// Run: npx tsx packages/ai/bench/rag-retrieval.bench.ts
import { mkdir, writeFile } from "node:fs/promises";
import { loadavg } from "node:os";
import { DEFAULT_TABLE_NAMES } from "@agents-crm/config";
import { createRepositories, openDatabase, provisionTables } from "@agents-crm/db";
import type { Db } from "@agents-crm/db";
import type { EmbeddingResult, Embedder } from "../src/providers/types";
import type { ChunkStore, RagChunk } from "../src/rag/chunk-store";
import { createHashedEmbedder, HASHED_EMBEDDING_MODEL } from "../src/rag/hashed-embedder";
import { createKnowledgeBase } from "../src/rag/knowledge-base";

const CHUNKS = 5_000;
const QUERIES = 200;
const TOP_K = 6;
const WARMUP_QUERIES = 20;
const TARGET_MS = 20;
const RESULTS_DIR = new URL("../../../bench/results/", import.meta.url);

/** Answers each known query with its precomputed vector, at no cost: only the knowledge base is timed. */
class PrecomputedEmbedder implements Embedder {
  constructor(
    readonly model: string,
    readonly dimensions: number,
    private readonly vectors: Map<string, Float32Array>,
  ) {}

  async embed(texts: string[]): Promise<EmbeddingResult> {
    const vectors = texts.map((text) => {
      const vector = this.vectors.get(text);
      if (!vector) throw new Error(`no precomputed vector for "${text}"`);
      return vector;
    });
    const usage = { promptTokens: 0, completionTokens: 0, totalTokens: 0 };
    return {
      vectors,
      metrics: {
        step: "embedding",
        model: this.model,
        usage,
        latencyMs: 0,
        costUsd: 0,
        attempts: 1,
      },
    };
  }
}

function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  "clinic doctor appointment hours price laser botox consultation parking address monday saturday skin " +
  "hair removal peel package insurance visa payment card cash booking cancel reschedule results session " +
  "часы работы адрес цена запись консультация врач процедура مواعيد العيادة سعر الاستشارة"
).split(" ");

function chunkText(random: () => number, i: number): string {
  const words = Array.from({ length: 110 }, () => WORDS[Math.floor(random() * WORDS.length)]);
  return `Chunk ${i}: ${words.join(" ")}.`;
}

interface Scenario {
  name: string;
  model: string;
  dimensions: number;
  scoreThreshold: number;
  chunks: RagChunk[];
  queries: Map<string, Float32Array>;
}

function randomScenario(
  agentId: string,
  dimensions: number,
  scoreThreshold: number,
  name: string,
): Scenario {
  const random = mulberry32(dimensions);
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const chunks: RagChunk[] = Array.from({ length: CHUNKS }, (_, i) => ({
    agentId,
    sourceId: `doc-${Math.floor(i / 50)}`,
    chunkIndex: i % 50,
    title: `Document ${Math.floor(i / 50)}`,
    content: chunkText(random, i),
    embedding: Float32Array.from({ length: dimensions }, gaussian),
    embeddingModel: "text-embedding-3-small",
  }));
  // Each query lies near one chunk (that chunk plus as much noise again), like a question and its answer.
  const queries = new Map<string, Float32Array>();
  for (let q = 0; q < QUERIES; q++) {
    const target = chunks[Math.floor(random() * CHUNKS)]?.embedding ?? new Float32Array(dimensions);
    queries.set(
      `query ${q}`,
      Float32Array.from(target, (x) => x + gaussian()),
    );
  }
  return { name, model: "text-embedding-3-small", dimensions, scoreThreshold, chunks, queries };
}

async function hashedScenario(agentId: string): Promise<Scenario & { embedMs: number }> {
  const random = mulberry32(512);
  const embedder = createHashedEmbedder();
  const texts = Array.from({ length: CHUNKS }, (_, i) => chunkText(random, i));
  const started = performance.now();
  const { vectors } = await embedder.embed(texts);
  const embedMs = performance.now() - started;
  const chunks: RagChunk[] = texts.map((content, i) => ({
    agentId,
    sourceId: `doc-${Math.floor(i / 50)}`,
    chunkIndex: i % 50,
    title: `Document ${Math.floor(i / 50)}`,
    content,
    embedding: Float32Array.from(vectors[i] ?? []),
    embeddingModel: HASHED_EMBEDDING_MODEL,
  }));
  const questions = Array.from(
    { length: QUERIES },
    (_, q) => `${WORDS[q % WORDS.length]} ${WORDS[(q * 7) % WORDS.length]}?`,
  );
  const queryVectors = (await embedder.embed(questions)).vectors;
  const queries = new Map(
    questions.map((question, q) => [`${question} #${q}`, queryVectors[q] ?? new Float32Array(512)]),
  );
  return {
    name: "512-d hashed (offline)",
    model: HASHED_EMBEDDING_MODEL,
    dimensions: 512,
    scoreThreshold: 0.2,
    chunks,
    queries,
    embedMs,
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function run(store: ChunkStore, scenario: Scenario) {
  const agentId = scenario.chunks[0]?.agentId ?? "bench";
  let started = performance.now();
  await store.putMany(scenario.chunks);
  const putMs = performance.now() - started;

  const embedder = new PrecomputedEmbedder(scenario.model, scenario.dimensions, scenario.queries);
  const kb = createKnowledgeBase({ chunks: store, embedder });
  const queries = [...scenario.queries.keys()];
  const ask = (query: string) =>
    kb.retrieve({ agentId, query, topK: TOP_K, scoreThreshold: scenario.scoreThreshold });

  started = performance.now();
  const first = await ask(queries[0] ?? "");
  const coldLoadMs = performance.now() - started;

  // Let the JIT settle before measuring, as a long-running server would have.
  for (const query of queries.slice(0, WARMUP_QUERIES)) await ask(query);
  const latencies: number[] = [];
  let returned = 0;
  for (const query of queries) {
    started = performance.now();
    const { sources } = await ask(query);
    latencies.push(performance.now() - started);
    returned += sources.length;
  }
  latencies.sort((a, b) => a - b);
  return {
    scenario: scenario.name,
    chunks: scenario.chunks.length,
    dimensions: scenario.dimensions,
    scoreThreshold: scenario.scoreThreshold,
    matrixMB: +((scenario.chunks.length * scenario.dimensions * 4) / 2 ** 20).toFixed(1),
    putManyMs: +putMs.toFixed(0),
    coldLoadMs: +coldLoadMs.toFixed(1),
    firstQueryResults: first.sources.length,
    meanResults: +(returned / queries.length).toFixed(2),
    p50Ms: +percentile(latencies, 50).toFixed(3),
    p95Ms: +percentile(latencies, 95).toFixed(3),
    p99Ms: +percentile(latencies, 99).toFixed(3),
    maxMs: +(latencies.at(-1) ?? NaN).toFixed(3),
  };
}

async function main(): Promise<void> {
  const db: Db = await openDatabase({ mode: "embedded", tables: DEFAULT_TABLE_NAMES });
  try {
    await provisionTables(db);
    const store = createRepositories(db).ragChunks;
    const hashed = await hashedScenario("bench-hashed");
    const scenarios: Scenario[] = [
      randomScenario("bench-1536", 1536, 0.2, "1536-d (text-embedding-3-small), threshold 0.2"),
      randomScenario("bench-1536-all", 1536, -1, "1536-d, threshold -1 (every row competes)"),
      hashed,
    ];
    const rows = [];
    for (const scenario of scenarios) rows.push(await run(store, scenario));
    console.table(rows);
    const worstP99 = Math.max(...rows.map((r) => r.p99Ms));
    console.log(`hashed embedder: ${CHUNKS} chunks embedded in ${hashed.embedMs.toFixed(0)} ms`);
    console.log(`load average (1 min): ${(loadavg()[0] ?? 0).toFixed(2)}`);
    console.log(
      `retrieval p99 ${worstP99} ms vs target ${TARGET_MS} ms: ${worstP99 < TARGET_MS ? "PASS" : "FAIL"}`,
    );
    await mkdir(RESULTS_DIR, { recursive: true });
    const result = {
      benchmark: "rag-retrieval",
      date: new Date().toISOString(),
      node: process.version,
      // Other processes share this machine's two cores: a high load shows in p99/max.
      loadAverage1m: +(loadavg()[0] ?? 0).toFixed(2),
      queriesPerScenario: QUERIES,
      topK: TOP_K,
      targetMs: TARGET_MS,
      hashedEmbedMsFor5000Chunks: +hashed.embedMs.toFixed(0),
      pass: worstP99 < TARGET_MS,
      rows,
    };
    await writeFile(
      new URL("rag-retrieval.json", RESULTS_DIR),
      `${JSON.stringify(result, null, 2)}\n`,
    );
  } finally {
    await db.close();
  }
}

await main();
