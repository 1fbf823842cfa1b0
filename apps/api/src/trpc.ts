import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { canManage } from "./auth/principal";
import type { Context } from "./context";
import { apiTransformer } from "./realtime/plain-json-events";
import { enforceWsCallLimit } from "./security/ws-call-limit";
import { dbErrorToTRPC, retryAfterSecondsOf } from "./trpc-errors";

const t = initTRPC.context<Context>().create({
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

const logged = t.middleware(async ({ ctx, path, type, next }) => {
  const result = await next();
  // Typed data-layer errors (not found, conflict, bad cursor) become their tRPC codes here, once.
  const mapped = result.ok ? null : dbErrorToTRPC(result.error.cause);
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

/** Anyone. Only health-like procedures, sign-in, the public agent cards and token-guarded chat. */
export const publicProcedure = t.procedure.use(logged).use(({ ctx, next }) => {
  // HTTP requests are limited before tRPC sees them (server/http-server.ts); a socket's calls here.
  enforceWsCallLimit(ctx);
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
