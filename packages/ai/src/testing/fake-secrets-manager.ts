import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { isRecord, readJsonBody, sendJson } from "./fake-http";

export interface FakeSecretsManager {
  /** For the client's `endpoint` option. */
  readonly endpoint: string;
  /** SecretIds asked for, in order. */
  readonly requestedIds: string[];
  setSecret(name: string, value: string): void;
  close(): Promise<void>;
}

const JSON_11 = "application/x-amz-json-1.1";

/**
 * AWS Secrets Manager's GetSecretValue over the AWS JSON 1.1 protocol (`X-Amz-Target:
 * secretsmanager.GetSecretValue`), on 127.0.0.1. Signatures are not checked.
 */
export async function startFakeSecretsManager(
  secrets: Record<string, string> = {},
): Promise<FakeSecretsManager> {
  const store = new Map(Object.entries(secrets));
  const requestedIds: string[] = [];
  const error = (res: Parameters<typeof sendJson>[0], type: string, message: string) =>
    sendJson(res, 400, { __type: type, message }, { "x-amzn-errortype": type }, JSON_11);

  const server = createServer((req, res) => {
    void (async () => {
      const body = await readJsonBody(req).catch(() => null);
      if (req.headers["x-amz-target"] !== "secretsmanager.GetSecretValue" || !isRecord(body)) {
        error(res, "InvalidRequestException", "Unsupported operation");
        return;
      }
      const id = typeof body.SecretId === "string" ? body.SecretId : "";
      requestedIds.push(id);
      const value = store.get(id);
      if (value === undefined) {
        error(res, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
        return;
      }
      sendJson(
        res,
        200,
        {
          ARN: `arn:aws:secretsmanager:us-east-1:000000000000:secret:${id}-AbCdEf`,
          Name: id,
          VersionId: "00000000-0000-0000-0000-000000000001",
          SecretString: value,
          VersionStages: ["AWSCURRENT"],
          CreatedDate: Math.floor(Date.now() / 1000),
        },
        {},
        JSON_11,
      );
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requestedIds,
    setSecret: (name, value) => void store.set(name, value),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
