import { startDynamoProxy } from "./dynamo-proxy";

type WriteRequests = Record<string, unknown[]>;

export interface ThrottlingProxy {
  endpoint: string;
  /** Size of every BatchWriteItem request that reached the proxy, per call. */
  batchSizes: number[];
  /** How many of each BatchWriteItem's requests to pass on; the rest come back as UnprocessedItems. */
  setPassThrough(fn: (requested: number, call: number) => number): void;
  close(): Promise<void>;
}

/** Answers BatchWriteItem like a throttled DynamoDB: forwards only some writes, returns the rest unprocessed. */
export async function startThrottlingProxy(target: string): Promise<ThrottlingProxy> {
  const batchSizes: number[] = [];
  let passThrough = (requested: number, _call: number) => requested;
  const proxy = await startDynamoProxy(target, async (operation, input, forward) => {
    if (operation !== "BatchWriteItem") return forward(input);
    const [table, requests = []] = Object.entries(input.RequestItems as WriteRequests)[0] ?? [];
    if (!table) return forward(input);
    batchSizes.push(requests.length);
    const pass = passThrough(requests.length, batchSizes.length);
    const unprocessed = pass < requests.length ? { [table]: requests.slice(pass) } : {};
    if (pass === 0) return { status: 200, body: { UnprocessedItems: unprocessed } };
    const out = await forward({ RequestItems: { [table]: requests.slice(0, pass) } });
    if (out.status !== 200) return out;
    const upstream = (out.body.UnprocessedItems ?? {}) as WriteRequests;
    return {
      status: 200,
      body: { ...out.body, UnprocessedItems: { ...upstream, ...unprocessed } },
    };
  });
  return {
    ...proxy,
    batchSizes,
    setPassThrough(fn) {
      passThrough = fn;
    },
  };
}
