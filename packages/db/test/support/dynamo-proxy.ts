import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface ProxyResponse {
  status: number;
  body: Record<string, unknown>;
}

/** Sends (a possibly rewritten) request body on to the real engine. */
export type Forward = (input: Record<string, unknown>) => Promise<ProxyResponse>;

/** Answers one DynamoDB operation; `forward` passes it (rewritten or not) to the real engine. */
export type Interceptor = (
  operation: string,
  input: Record<string, unknown>,
  forward: Forward,
) => Promise<ProxyResponse>;

export interface DynamoProxy {
  endpoint: string;
  close(): Promise<void>;
}

/**
 * A DynamoDB JSON-protocol endpoint in front of a real one (dynalite), so tests can make it answer some
 * operations the way AWS would in situations the local engine can't produce (throttling, online index
 * creation). Responses carry no x-amz-crc32, since bodies may be rewritten.
 */
export async function startDynamoProxy(
  target: string,
  intercept: Interceptor,
): Promise<DynamoProxy> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) {
        if (typeof v === "string" && k !== "content-length" && k !== "host") headers[k] = v;
      }
      const forward: Forward = async (input) => {
        const upstream = await fetch(target, {
          method: "POST",
          headers,
          body: JSON.stringify(input),
        });
        return {
          status: upstream.status,
          body: (await upstream.json()) as Record<string, unknown>,
        };
      };
      const operation = String(req.headers["x-amz-target"]).split(".").pop() ?? "";
      const input = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as Record<
        string,
        unknown
      >;
      intercept(operation, input, forward)
        .then(({ status, body }) => {
          res.writeHead(status, { "content-type": "application/x-amz-json-1.0" });
          res.end(JSON.stringify(body));
        })
        .catch((error: unknown) => {
          res.writeHead(500);
          res.end(String(error));
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
