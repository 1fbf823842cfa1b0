import type { IncomingMessage, ServerResponse } from "node:http";
import { META_WEBHOOK_VARIABLES, WEBHOOK_PATHS } from "@agents-crm/config/webhook-secrets";
import type { ApiDeps } from "../../deps";
import { createBindingResolver } from "./binding-resolver";
import { sendError } from "../../server/http-io";
import { parseInstagram } from "./instagram-events";
import { scanInstagram, scanWhatsApp } from "./meta-account-scan";
import { receiveMetaWebhook, verifySubscription, type MetaChannel } from "./meta-webhook";
import { receiveTelegramWebhook } from "./telegram-webhook";
import { createUnsignedPolicy } from "./unsigned-policy";
import type { WebhookRuntime } from "./webhook-runtime";
import { parseWhatsApp } from "./whatsapp-events";
import { routeTwilio } from "./twilio/twilio-routes";

const TELEGRAM_PREFIX = WEBHOOK_PATHS.telegram;

/**
 * The platforms' webhook endpoints, at the reference's paths so existing registrations keep working:
 * `GET|POST /api/v1/instagram/webhook`, `POST /api/v1/telegram/webhook/{bindingId}`,
 * `GET|POST /api/v1/whatsapp/webhook`. Returns false for any other path. Not rate limited: platforms
 * burst and retry, and signatures (or secret tokens) guard every request.
 */
export function createWebhookRouter(
  deps: Pick<ApiDeps, "env" | "repos" | "log" | "inboxSignal" | "metrics" | "channelSecrets">,
  options: { cacheTtlMs?: number } = {},
) {
  const log = deps.log.child({ component: "webhooks" });
  const rt: WebhookRuntime = {
    deps,
    log,
    resolver: createBindingResolver(deps.repos, { ttlMs: options.cacheTtlMs }),
    unsigned: createUnsignedPolicy(deps.env, log),
  };
  // A Meta platform's secrets: its environment variables, else what the console stored (cached).
  const metaChannel = (
    platform: MetaChannel["platform"],
    handlers: Pick<MetaChannel, "scan" | "parse">,
  ) => {
    const variables = META_WEBHOOK_VARIABLES[platform];
    return async (): Promise<MetaChannel> => {
      const [appSecret, verifyToken] = await Promise.all([
        deps.channelSecrets.get(`${platform}_app_secret`),
        deps.channelSecrets.get(`${platform}_verify_token`),
      ]);
      return {
        platform,
        appSecret,
        appSecretVariable: variables.appSecret,
        verifyToken,
        verifyTokenVariable: variables.verifyToken,
        ...handlers,
      };
    };
  };
  const instagram = metaChannel("instagram", { scan: scanInstagram, parse: parseInstagram });
  const whatsapp = metaChannel("whatsapp", { scan: scanWhatsApp, parse: parseWhatsApp });

  const meta = async (
    channelOf: () => Promise<MetaChannel>,
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
  ) => {
    if (req.method === "GET") verifySubscription(rt, await channelOf(), url, res);
    else if (req.method === "POST") return receiveMetaWebhook(rt, await channelOf(), req, res);
    else methodNotAllowed(res, "GET, POST");
  };

  const dispatch = async (req: IncomingMessage, res: ServerResponse, path: string) => {
    const url = new URL(req.url ?? "/", "http://webhook.local");
    if (path === WEBHOOK_PATHS.instagram) await meta(instagram, req, res, url);
    else if (path === WEBHOOK_PATHS.whatsapp) await meta(whatsapp, req, res, url);
    else if (path.startsWith(TELEGRAM_PREFIX)) {
      if (req.method !== "POST") methodNotAllowed(res, "POST");
      else
        await receiveTelegramWebhook(
          rt,
          decodeSegment(path.slice(TELEGRAM_PREFIX.length)),
          req,
          res,
        );
    } else if (!(await routeTwilio({ ...rt, deps }, req, res, path))) return false;
    return true;
  };

  /** True when the request was a webhook's (and has been answered). */
  return async (req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> => {
    try {
      return await dispatch(req, res, path);
    } catch (error) {
      // Usually the database: a non-2xx makes the platform re-deliver, so nothing is lost.
      log.error("webhook failed", { path: path.split("/").slice(0, 5).join("/"), error });
      if (!res.headersSent)
        sendError(res, 503, "UNAVAILABLE", "Temporarily unavailable; retry later");
      else res.destroy();
      return true;
    }
  };
}

export type WebhookRouter = ReturnType<typeof createWebhookRouter>;

function methodNotAllowed(res: ServerResponse, allow: string) {
  res.setHeader("allow", allow);
  sendError(res, 405, "METHOD_NOT_ALLOWED", `Use ${allow}`);
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return "";
  }
}
