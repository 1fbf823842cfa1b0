#!/usr/bin/env node
// The web app's server: Next.js for pages, plus a runtime reverse proxy so the browser talks to one
// origin. `/trpc` (HTTP and WebSocket upgrades), `/api/v1/*` (webhooks), `/files/*` (stored files and
// uploads) and `/health` (with `/health/live`
// and `/health/ready`) go to the API at API_INTERNAL_URL, read when the server starts — not baked into
// the build like next.config rewrites. `/health/web` is this server's own health (own-health.mjs).
import { createServer, request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { connect as netConnect } from "node:net";
import { connect as tlsConnect } from "node:tls";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import { cutIdleBodies, timeoutServerOptions } from "@agents-crm/config/request-timeouts";
import { requestTimeoutsFrom } from "./request-timeouts.mjs";
import { apiAddressFrom } from "./api-address.mjs";
import { answerWebHealth, isWebHealthPath } from "./own-health.mjs";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOST || "0.0.0.0";
const api = (() => {
  try {
    return apiAddressFrom(process.env);
  } catch (error) {
    // One line, like the API's refusals: the platform's deploy log shows it as the reason.
    console.error(`Invalid environment: ${error.message}`);
    process.exit(1);
  }
})();
const dir = dirname(fileURLToPath(import.meta.url));

const isApiPath = (url = "/") => {
  const path = url.split("?")[0];
  return (
    path === "/trpc" ||
    path.startsWith("/trpc/") ||
    path.startsWith("/api/v1/") ||
    path === "/files" ||
    path.startsWith("/files/") ||
    path === "/health" ||
    path.startsWith("/health/")
  );
};

function forwardedHeaders(req) {
  const remote = req.socket.remoteAddress ?? "";
  const prior = req.headers["x-forwarded-for"];
  return {
    ...req.headers,
    host: api.host,
    "x-forwarded-for": prior ? `${prior}, ${remote}` : remote,
    "x-forwarded-proto":
      req.headers["x-forwarded-proto"] ?? (req.socket.encrypted ? "https" : "http"),
    "x-forwarded-host": req.headers["x-forwarded-host"] ?? req.headers.host ?? "",
  };
}

function proxyHttp(req, res) {
  const send = api.protocol === "https:" ? httpsRequest : httpRequest;
  const upstream = send(
    {
      protocol: api.protocol,
      hostname: api.hostname,
      port: api.port || (api.protocol === "https:" ? 443 : 80),
      method: req.method,
      path: req.url,
      headers: forwardedHeaders(req),
    },
    (answer) => {
      // The client may have been cut already (a silent body): its answer went out then.
      if (res.headersSent) return void answer.resume();
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on("error", () => {
    if (!res.headersSent) {
      res.writeHead(502, { "content-type": "application/json" });
      res.end(
        JSON.stringify({ error: { code: "BAD_GATEWAY", message: "The API is not reachable" } }),
      );
    } else {
      res.destroy();
    }
  });
  req.pipe(upstream);
  req.once("close", () => {
    if (!req.complete) upstream.destroy();
  });
}

function proxyUpgrade(req, socket, head) {
  const secure = api.protocol === "https:";
  const upstream = (secure ? tlsConnect : netConnect)({
    host: api.hostname,
    port: Number(api.port || (secure ? 443 : 80)),
    servername: secure ? api.hostname : undefined,
  });
  upstream.once(secure ? "secureConnect" : "connect", () => {
    const headers = forwardedHeaders(req);
    const lines = [`${req.method} ${req.url} HTTP/1.1`];
    for (const [name, value] of Object.entries(headers)) {
      for (const v of Array.isArray(value) ? value : [value])
        if (v !== undefined) lines.push(`${name}: ${v}`);
    }
    upstream.write(lines.join("\r\n") + "\r\n\r\n");
    if (head?.length) upstream.write(head);
    upstream.pipe(socket).pipe(upstream);
  });
  const close = () => {
    upstream.destroy();
    socket.destroy();
  };
  upstream.on("error", close);
  socket.on("error", close);
}

/**
 * Headers for everything this server answers, static files included; the pages' CSP is src/proxy.ts's.
 * HSTS only over https — directly, or per the TLS-terminating proxy's X-Forwarded-Proto. Browsers
 * ignore HSTS received over plain http, so a forged header there achieves nothing.
 */
function setSecurityHeaders(req, res) {
  res.setHeader("X-Content-Type-Options", "nosniff");
  // Keeps the Origin header on same-origin POSTs and WebSocket upgrades (the API checks it), unlike
  // no-referrer; other sites see only our origin.
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  const proto = String(req.headers["x-forwarded-proto"] ?? "")
    .split(",")[0]
    .trim();
  if (req.socket.encrypted || proto === "https") {
    res.setHeader("Strict-Transport-Security", "max-age=31536000");
  }
}

const app = next({ dev, dir, hostname, port });
await app.prepare();
const handle = app.getRequestHandler();
const upgradeNext = app.getUpgradeHandler();

const timeouts = requestTimeoutsFrom(process.env);
const server = createServer(timeoutServerOptions(timeouts), (req, res) => {
  setSecurityHeaders(req, res);
  if (isWebHealthPath(req.url)) answerWebHealth(req, res);
  else if (isApiPath(req.url)) proxyHttp(req, res);
  else void handle(req, res);
});
cutIdleBodies(server, timeouts);
server.on("upgrade", (req, socket, head) => {
  if (isApiPath(req.url)) proxyUpgrade(req, socket, head);
  else void upgradeNext(req, socket, head);
});
server.listen(port, hostname, () => {
  console.log(`web listening on http://localhost:${port} (API at ${api.origin})`);
});

const stop = () => {
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 5000).unref();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
