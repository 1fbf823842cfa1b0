// Search over 100,000 messages in the embedded database (in memory): the index's read latency for what
// a receptionist types, the cost each message write adds, and the index's storage per message.
// `npm run bench -- search [--search-messages=100000] [--search-queries=300]`
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { searchPhoneReader } from "@agents-crm/ai";
import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { batchWriteAll, toItemKeys, type Conversation, type Message } from "@agents-crm/db";
import { manualClock, startTestDb } from "@agents-crm/db/testing";
import { listConversations } from "../src/domain/conversations/list-conversations";
import { percentiles } from "./_bench-kit";
import { messageText, person, seededRandom, type Person } from "./_search-corpus";

const flag = (name: string, fallback: number) => {
  const found = process.argv.find((a) => a.startsWith(`--search-${name}=`));
  return found ? Number(found.split("=")[1]) : fallback;
};
const MESSAGES = flag("messages", 100_000);
const QUERIES = flag("queries", 300);
const PER_CONVERSATION = 20;
const WRITE_SAMPLE = 500;

const random = seededRandom(42);
const clock = manualClock(Date.parse("2026-03-01T08:00:00.000Z"));
const test = await startTestDb({
  now: clock.now,
  messageTtlHours: 24 * 30,
  readPhones: searchPhoneReader(),
});
const { repos, db } = test;

// Items each BatchWrite carries, by table: what a message write costs in DynamoDB writes.
const written = new Map<string, number>();
let requests = 0;
db.onCommand((name, input) => {
  requests += 1;
  if (process.argv.includes("--search-show-commands")) console.log(name, Object.keys(input));
  if (!/^(BatchWrite|Put|Update)/.test(name)) return;
  const items = input.RequestItems as Record<string, unknown[]> | undefined;
  if (items) {
    for (const [table, list] of Object.entries(items)) {
      written.set(table, (written.get(table) ?? 0) + list.length);
    }
  } else {
    const table = String(input.TableName);
    written.set(table, (written.get(table) ?? 0) + 1);
  }
});

// Load: conversations through the repository (indexed on creation); their messages written in bulk
// and indexed with indexHistory (the backfill path), which writes what append's indexing writes.
const people: { person: Person; conversation: Conversation }[] = [];
const conversations = Math.ceil(MESSAGES / PER_CONVERSATION);
const loadStarted = performance.now();
let loaded = 0;
for (let c = 0; c < conversations; c++) {
  clock.advance(60_000);
  const p = person(random, c);
  const channel = (["web_chat", "telegram", "whatsapp", "instagram"] as const)[c % 4] ?? "web_chat";
  const conversation = await repos.conversations.create({ agentId: `agent_${c % 3}`, channel });
  const messages: Message[] = [];
  for (let n = 0; n < PER_CONVERSATION && loaded < MESSAGES; n++, loaded++) {
    clock.advance(1000);
    messages.push({
      messageId: `${clock.now().getTime().toString(36)}${String(n).padStart(3, "0")}`,
      conversationId: conversation.conversationId,
      agentId: conversation.agentId,
      role: n % 2 === 0 ? "user" : "agent",
      content: n % 2 === 0 ? messageText(random, p, n) : messageText(random, p, 5),
      channel,
      kind: "text",
      timestamp: clock.now().toISOString(),
      metadata: {},
      expiresAt: Math.floor(clock.now().getTime() / 1000) + 30 * 86400,
    });
  }
  await batchWriteAll(
    db,
    db.tables.messages,
    messages.map(({ expiresAt, ...m }) => ({
      PutRequest: { Item: { ...toItemKeys(m), expires_at: expiresAt } },
    })),
  );
  await repos.searchIndex.indexHistory(conversation, messages);
  people.push({ person: p, conversation });
  if (c % 500 === 499) {
    const rate = Math.round(loaded / ((performance.now() - loadStarted) / 1000));
    console.log(`  loaded ${loaded} messages (${rate}/s)`);
  }
}
const loadSeconds = (performance.now() - loadStarted) / 1000;

// Storage: DynamoDB's item size (attribute names + values, UTF-8) summed over the index table.
let indexBytes = 0;
let indexItems = 0;
let startKey: Record<string, unknown> | undefined;
do {
  const out = await db.doc.send(
    new ScanCommand({ TableName: db.tables.searchIndex, ExclusiveStartKey: startKey }),
  );
  for (const item of out.Items ?? []) {
    indexItems += 1;
    for (const [name, value] of Object.entries(item)) {
      indexBytes += Buffer.byteLength(name);
      if (typeof value === "number") indexBytes += 8;
      else if (Array.isArray(value))
        indexBytes +=
          3 + value.reduce((sum: number, v) => sum + 1 + Buffer.byteLength(String(v)), 0);
      else indexBytes += Buffer.byteLength(String(value));
    }
  }
  startKey = out.LastEvaluatedKey;
} while (startKey);

// Write cost: the real append path (the message put and its indexing), then the indexing alone on
// the same messages (puts overwrite, so a second indexing writes exactly what the first did).
const sample = people.slice(-WRITE_SAMPLE);
const appendTimes: number[] = [];
const appended: Message[] = [];
for (const [i, { person: p, conversation }] of sample.entries()) {
  clock.advance(1000);
  const started = performance.now();
  const message = await repos.messages.append({
    conversationId: conversation.conversationId,
    agentId: conversation.agentId,
    role: "user",
    content: messageText(random, p, i % 6),
    channel: conversation.channel,
  });
  appendTimes.push(performance.now() - started);
  appended.push(message);
}
written.clear();
requests = 0;
const indexTimes: number[] = [];
for (const message of appended) {
  const started = performance.now();
  await repos.searchIndex.indexMessage(message);
  indexTimes.push(performance.now() - started);
}
const indexItemsPerWrite = (written.get(db.tables.searchIndex) ?? 0) / appended.length;
const indexRequestsPerWrite = requests / appended.length;

// Search: what staff type, each found through the repository and through conversations.list.
const queryOf = (i: number): string => {
  const { person: p, conversation } = people[
    Math.floor(random() * people.length)
  ] as (typeof people)[number];
  const d = p.phone.slice(1);
  const kinds = [
    () => p.phone,
    () =>
      p.language === "ru"
        ? `8 ${d.slice(1, 4)} ${d.slice(4, 7)}-${d.slice(7, 9)}-${d.slice(9)}`
        : d.slice(-7),
    () => `${d.slice(-10, -7)} ${d.slice(-7, -4)} ${d.slice(-4)}`,
    () => p.email.toUpperCase(),
    () => `${p.name.slice(0, 4)} ${p.surname}`,
    () => p.surname,
    () => `#${conversation.conversationId.slice(-6)}`,
    () => conversation.conversationId,
    () => ({ en: "whitening", ru: "отбеливание", ar: "تبييض" })[p.language],
    () =>
      ({ en: "orthodontist reschedule", ru: "перенести ортодонту", ar: "تقويم موعدي" })[p.language],
  ];
  return (kinds[i % kinds.length] as () => string)();
};
const queries = Array.from({ length: QUERIES }, (_, i) => queryOf(i));
for (const q of queries.slice(0, 20)) await repos.searchIndex.searchConversations(q, { limit: 50 });
const repoTimes: number[] = [];
const listTimes: number[] = [];
let hits = 0;
let empty = 0;
for (const q of queries) {
  let started = performance.now();
  const page = await repos.searchIndex.searchConversations(q, { limit: 50 });
  repoTimes.push(performance.now() - started);
  hits += page.items.length;
  if (page.items.length === 0) {
    empty += 1;
    if (process.argv.includes("--search-show-empty")) console.log(`  no hits: ${q}`);
  }
  started = performance.now();
  await listConversations({ repos }, { search: q, limit: 50 });
  listTimes.push(performance.now() - started);
}
await test.close();

const result = {
  at: new Date().toISOString(),
  messages: loaded,
  conversations,
  loadSeconds: Math.round(loadSeconds),
  search: {
    queries: queries.length,
    emptyResults: empty,
    meanHits: Math.round((hits / queries.length) * 10) / 10,
    repositoryMs: percentiles(repoTimes),
    conversationsListMs: percentiles(listTimes),
  },
  write: {
    sample: sample.length,
    appendWithIndexMs: percentiles(appendTimes),
    indexingAloneMs: percentiles(indexTimes),
    indexItemsWrittenPerMessage: Math.round(indexItemsPerWrite * 10) / 10,
    indexRequestsPerMessage: Math.round(indexRequestsPerWrite * 10) / 10,
  },
  storage: {
    indexItems,
    indexBytes,
    bytesPerMessage: Math.round(indexBytes / loaded),
  },
};
console.log(JSON.stringify(result, null, 2));
const dir = join(process.cwd(), "bench", "results");
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, "search.json"), JSON.stringify(result, null, 2) + "\n");
