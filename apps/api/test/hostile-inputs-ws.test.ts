import { WEBSOCKET_FRAME_LIMIT_BYTES } from "@agents-crm/config/request-limits";
import { WebSocket } from "ws";
import { describe, expect, it } from "vitest";
import {
  ENVELOPE_PATHS,
  inputsFor,
  paths,
  procedures,
  ROLES,
  WALK_TIMEOUT_MS,
  serverFault,
  useHostileApi,
  type Role,
} from "./helpers/hostile-api";
import { BAD_ENVELOPES, type HostileInput } from "./helpers/hostile-inputs";

/**
 * hostile-inputs-http.test.ts over WebSocket: every procedure of the live router, every malformed input,
 * as a stranger, an operator (session cookie on the upgrade) and an admin. No answer may be a server
 * fault, nothing may be logged as failed, and the server must still answer afterwards.
 */
const api = useHostileApi();

interface Socket {
  ws: WebSocket;
  problems: string[];
  /** Sends each call in its own frame and waits until every frame has had its first answer. */
  calls(path: string, inputs: HostileInput[]): Promise<void>;
}

let nextId = 0;

async function openSocket(role: Role): Promise<Socket> {
  const ws = new WebSocket(api.t.wsUrl, { headers: { cookie: api.cookie[role] } });
  await new Promise((resolve, reject) => ws.once("open", resolve).once("error", reject));
  const problems: string[] = [];
  const names = new Map<number, string>();
  const answered = new Set<number>();
  let parseErrors = 0;
  let wake = () => {};
  ws.on("message", (data: Buffer) => {
    const message = JSON.parse(data.toString()) as {
      id: number | null;
      result?: { type?: string };
    };
    const fault = serverFault(message);
    if (fault) problems.push(`${role} ${names.get(message.id ?? -1) ?? "a frame"}: ${fault}`);
    if (message.id === null) parseErrors += 1;
    else if (!answered.has(message.id)) {
      answered.add(message.id);
      if (message.result?.type === "started") {
        ws.send(JSON.stringify({ id: message.id, method: "subscription.stop" }));
      }
    }
    wake();
  });
  return {
    ws,
    problems,
    async calls(path, inputs) {
      const type = procedures[path]?._def.type ?? "query";
      const ids: number[] = [];
      parseErrors = 0;
      for (const input of inputs) {
        const id = (nextId += 1);
        ids.push(id);
        names.set(id, `${path}, ${input.name}`);
        const params = input.wire === undefined ? { path } : { path, input: input.wire };
        ws.send(JSON.stringify({ id, method: type, params }));
      }
      // A frame that does not parse is answered without an id, once.
      while (ids.filter((id) => answered.has(id)).length + parseErrors < ids.length) {
        await new Promise<void>((resolve) => (wake = resolve));
      }
    },
  };
}

/** Frames over the frame limit close the socket (1009): they are tested on their own below. */
const fitsInAFrame = (path: string) => (input: HostileInput) =>
  JSON.stringify({ id: 0, method: "mutation", params: { path, input: input.wire } }).length <
  WEBSOCKET_FRAME_LIMIT_BYTES;

describe("hostile inputs to every procedure over WebSocket", () => {
  it.each(ROLES)(
    "as %s: no answer is a server fault",
    async (role) => {
      const socket = await openSocket(role);
      for (const path of paths)
        await socket.calls(path, inputsFor(role, path).filter(fitsInAFrame(path)));
      for (const path of ENVELOPE_PATHS) {
        await socket.calls(path, BAD_ENVELOPES);
      }
      expect(socket.problems).toEqual([]);
      expect(socket.ws.readyState).toBe(WebSocket.OPEN);
      socket.ws.close();
    },
    WALK_TIMEOUT_MS,
  );

  it("frames that are not calls (text, binary, arrays of garbage) get parse errors, not faults", async () => {
    const socket = await openSocket("anonymous");
    const frames: (string | Buffer)[] = [
      "not json",
      "[]",
      "[1,2,3]",
      '{"id":"x","method":"query","params":null}',
      '{"id":1e999,"method":"nope"}',
      '[{"id":1,"method":"query","params":{"path":"auth.me","input":{}}},{"id":2}]',
      Buffer.from([0xff, 0xfe, 0x00]),
    ];
    for (const frame of frames) socket.ws.send(frame);
    socket.ws.send(
      JSON.stringify({ id: 99, method: "query", params: { path: "auth.me", input: {} } }),
    );
    await new Promise<void>((resolve) =>
      socket.ws.on("message", (data: Buffer) => {
        if ((JSON.parse(data.toString()) as { id: unknown }).id === 99) resolve();
      }),
    );
    expect(socket.problems).toEqual([]);
    socket.ws.close();
  });

  it("a frame over the limit closes that socket (1009) and nothing else", async () => {
    const socket = await openSocket("admin");
    const closed = new Promise<number>((resolve) => socket.ws.once("close", resolve));
    socket.ws.send("x".repeat(WEBSOCKET_FRAME_LIMIT_BYTES + 1));
    expect(await closed).toBe(1009);
    expect((await fetch(`${api.t.url}/health`)).status).toBe(200);
  });

  it("leaves the server healthy with nothing logged as failed", async () => {
    expect((await fetch(`${api.t.url}/health`)).status).toBe(200);
    expect(api.failures).toEqual([]);
  });
});
