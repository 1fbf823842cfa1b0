import type { FakeOpenAI } from "@agents-crm/ai/testing";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { createInboxSignal } from "../../src/channels/inbox-signal";
import {
  startChannelWorkers,
  type ChannelWorkers,
} from "../../src/channels/worker/channel-workers";
import type { ApiDeps } from "../../src/deps";
import { silentLogger } from "../../src/logger";
import {
  closeConversationRuntime,
  startConversationRuntime,
} from "../../src/realtime/conversation-runtime";
import { callerAs } from "./auth-fixtures";
import { modelAnswer, startFakeLlm, waitUntil } from "./chat-kit";
import { createTestDeps } from "./test-api";

export const visitor = (deps: ApiDeps) => callerAs(deps, { kind: "anonymous" });

export async function agentReplies(deps: ApiDeps, conversationId: string) {
  const page = await deps.repos.messages.page(conversationId);
  return page.items.filter((m) => m.role === "agent");
}

export interface Restarted {
  deps: ApiDeps;
  workers: ChannelWorkers;
}

/**
 * A process that stops mid-turn and the one that restarts after it, on one database. `first` is the
 * running process (a fresh runtime on the same database again in each test once it was stopped); the
 * model answers `answer(lastUserMessage, n)` for its n-th answer, and while held every call waits
 * until it is released, so a turn is mid-call when its runtime stops. Registers its own hooks.
 */
export function useRestarts(options: {
  env?: Record<string, string>;
  agents: (deps: ApiDeps) => Promise<unknown>;
  answer: (lastUserMessage: string, n: number) => string;
}) {
  let first: ApiDeps;
  let fake: FakeOpenAI;
  let answered = 0;
  let held = 0;
  /** While set, every model call waits for it. */
  let gate: Promise<void> | null = null;
  let open = () => {};
  let firstStopped = false;
  const fresh: Restarted[] = [];
  const closing: Promise<void>[] = [];

  /** A conversation runtime (hub, lanes) on the first one's database, with no sweeper of its own. */
  const runtimeOnFirstDb = () =>
    startConversationRuntime({
      env: first.env,
      repos: first.repos,
      log: silentLogger,
      sweep: false,
    });

  beforeAll(async () => {
    const llm = await startFakeLlm();
    fake = llm.fake;
    first = await createTestDeps(options.env ?? {}, llm.llm);
    await options.agents(first);
  });

  beforeEach(() => {
    fake.reset();
    answered = 0;
    held = 0;
    gate = null;
    fake.setResponder(async (request) => {
      if (gate) {
        held++;
        await gate;
      }
      return modelAnswer(options.answer(request.lastUserMessage, ++answered));
    });
    // Each test starts from a first runtime that is running.
    if (firstStopped) {
      firstStopped = false;
      first = { ...first, ...runtimeOnFirstDb().deps };
    }
  });

  afterEach(async () => {
    open();
    gate = null;
    await Promise.all(closing.splice(0));
    for (const { deps, workers } of fresh.splice(0)) {
      await workers.stop();
      await closeConversationRuntime(deps);
    }
  });

  afterAll(async () => {
    if (!firstStopped) await closeConversationRuntime(first);
    await first.db.close();
    await fake.close();
  });

  const world = {
    get first() {
      return first;
    },
    get fake() {
      return fake;
    },
    /** How many model calls are held now. */
    get held() {
      return held;
    },
    chatCalls: () => fake.requests.filter((r) => r.endpoint === "chat"),
    /** From now on every model call waits until `releaseHeld`. */
    holdTheModel: () => {
      gate = new Promise<void>((resolve) => (open = resolve));
    },
    /** New model calls are answered at once; the held ones stay held. */
    answerNewCalls: () => {
      gate = null;
    },
    /** The held model calls may end now. */
    releaseHeld: () => {
      open();
    },
    /** A second runtime (hub, lanes, inbox workers) on the first one's database: the restarted process. */
    restart: (): Restarted => {
      const deps: ApiDeps = {
        ...first,
        ...runtimeOnFirstDb().deps,
        inboxSignal: createInboxSignal(),
      };
      const started = { deps, workers: startChannelWorkers(deps, { pollMs: 20, recover: false }) };
      fresh.push(started);
      return started;
    },
    /** Stops the first runtime as a SIGTERM would, with a deadline already reached by default. */
    stopFirst: (deadline = Date.now()) => {
      const closed = closeConversationRuntime(first, { deadline });
      firstStopped = true;
      closing.push(closed);
      return closed;
    },
    /** Stops the first runtime at once; its held calls may end now but must not be answered there. */
    stopFirstAndRelease: async () => {
      const stopped = world.stopFirst();
      world.releaseHeld();
      world.answerNewCalls();
      await stopped;
    },
    /**
     * The visitor sends on the first runtime while the model is held; waits until `heldCalls` model
     * calls are held and returns the pending send in an object (so it is not awaited).
     */
    sendHeld: async (
      input: Parameters<ReturnType<typeof visitor>["chat"]["send"]>[0],
      heldCalls = 1,
    ) => {
      const sent = visitor(first).chat.send(input);
      sent.catch(() => undefined);
      await waitUntil(() => held === heldCalls);
      return { sent };
    },
    /** Restarts and waits until the restarted process has answered the conversation and settled. */
    recover: async (conversationId: string) => {
      const second = world.restart();
      await waitUntil(async () => (await agentReplies(second.deps, conversationId)).length > 0);
      await second.workers.settled();
      return second;
    },
  };
  return world;
}
