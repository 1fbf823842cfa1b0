import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { canManage } from "./auth/principal";
import type { Context } from "./context";
import { apiTransformer } from "./realtime/plain-json-events";
import { limitSubscription } from "./security/subscription-limit";
import { enforceWsCallLimit } from "./security/ws-call-limit";
import { knownErrorToTRPC, retryAfterSecondsOf, retryScopeOf } from "./trpc-errors";
import { withLogContext } from "./observability/log-context";

/** What a procedure declares about itself, read by the HTTP layer before any input is parsed. */
export interface ApiMeta {
  /**
   * The largest request body the procedure accepts from signed-in staff or the API token; everyone else,
   * and procedures that declare nothing, get DEFAULT_BODY_LIMIT_BYTES (server/trpc-body.ts).
   */
  maxBodyBytes?: number;
}

const builder = initTRPC.context<Context>().meta<ApiMeta>();
const t = builder.create({
  transformer: apiTransformer,
  errorFormatter({ shape, error, ctx }) {
    const zod = error.cause instanceof ZodError ? error.cause : null;
    return {
      ...shape,
      // Internal errors keep their code but never their text: it can carry SQL, tokens or prompts.
      message: error.code === "INTERNAL_SERVER_ERROR" ? "Internal server error" : shape.message,
      data: {
        ...shape.data,
        stack: undefined,
        requestId: ctx?.requestId ?? null,
        retryAfterSeconds: retryAfterSecondsOf(error),
        retryScope: retryScopeOf(error),
        issues:
          zod?.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })) ??
          null,
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === "object" && value !== null && Symbol.asyncIterator in value;
}

/**
 * A subscription's stream with the same mapping: what its generator throws (a web chat token refused
 * once the stream is read, say) is raised while iterating, after the middleware has returned.
 */
async function* mappingKnownErrors<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  try {
    yield* source;
  } catch (error) {
    // A TRPCError is the client's already (a router may have mapped it itself).
    throw error instanceof TRPCError ? error : (knownErrorToTRPC(error) ?? error);
  }
}

const logged = t.middleware(async ({ ctx, path, type, next }) => {
  // A socket's calls run outside any HTTP request: each carries its connection's request id itself.
  const result = await withLogContext({ requestId: ctx.requestId }, () => next());
  if (result.ok && type === "subscription" && isAsyncIterable(result.data)) {
    return { ...result, data: mappingKnownErrors(result.data) };
  }
  // Typed data-layer and domain errors (not found, conflict, bad cursor, refused transition) become their
  // tRPC codes here, once.
  const mapped = result.ok ? null : knownErrorToTRPC(result.error.cause);
  if (mapped?.code === "SERVICE_UNAVAILABLE") {
    ctx.deps.log.warn("procedure failed: storage unavailable", {
      path,
      type,
      requestId: ctx.requestId,
      error: mapped.cause,
    });
  }
  if (mapped) throw mapped;
  if (!result.ok && result.error.code === "INTERNAL_SERVER_ERROR") {
    ctx.deps.log.error("procedure failed", {
      path,
      type,
      requestId: ctx.requestId,
      error: result.error.cause ?? result.error,
    });
  }
  return result;
});

/** Subscriptions hold a slot per connection and per address while they stream. */
const slots = t.middleware(({ ctx, type, next }) =>
  type === "subscription" ? limitSubscription(ctx, next) : next(),
);
const procedure = t.procedure.use(logged).use(slots);

/** Anyone. Only health-like procedures, sign-in, the public agent cards and token-guarded chat. */
export const publicProcedure = procedure.use(async ({ ctx, next }) => {
  // HTTP requests are limited in createContext (server/http-server.ts); a socket's calls here.
  await enforceWsCallLimit(ctx);
  return next();
});

/**
 * The access middlewares are named so the /docs page and the access test can tell a procedure's access
 * level from its middleware chain. tRPC runs `.use()` and `.input()` steps in the order they were chained,
 * so these run before any input a router adds: an anonymous caller learns nothing about the input shape.
 */
export const requireStaff = t.middleware(async ({ ctx, next }) => {
  const principal = await ctx.authenticate();
  if (principal.kind === "anonymous") {
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in or send the API token" });
  }
  return next({ ctx: { ...ctx, principal } });
});

/** Any signed-in staff member (owner, admin, operator) or the machine token. */
export const authedProcedure = publicProcedure.use(requireStaff);

export const requireManager = requireStaff.unstable_pipe(({ ctx, next }) => {
  if (!canManage(ctx.principal)) {
    throw new TRPCError({ code: "FORBIDDEN", message: "Only owners and admins can do this" });
  }
  return next();
});

/** Owners and admins: agents, users, channels, notifications, pipeline settings. */
export const adminProcedure = publicProcedure.use(requireManager);
