// The web server's own health, answered here and never proxied: a web deploy or container must not be
// judged by the API behind it (restarting the web server never brings the API back, and a web service
// deployed before its API would never go live). /health, /health/live and /health/ready stay the API's.
export const WEB_HEALTH_PATH = "/health/web";

export const isWebHealthPath = (url = "/") => url.split("?")[0] === WEB_HEALTH_PATH;

export function answerWebHealth(req, res) {
  const headers = { "content-type": "application/json", "cache-control": "no-store" };
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { ...headers, allow: "GET, HEAD" });
    res.end(
      JSON.stringify({ error: { code: "METHOD_NOT_SUPPORTED", message: "Use GET or HEAD" } }),
    );
    return;
  }
  res.writeHead(200, headers);
  res.end(req.method === "HEAD" ? undefined : JSON.stringify({ status: "alive", service: "web" }));
}
