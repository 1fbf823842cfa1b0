import type { TRPCRouterRecord } from "@trpc/server";
import { MAX_EMAIL, MAX_PASSWORD, passwordSchema } from "@agents-crm/config/staff";
import { requestCodeInputSchema, verifyCodeInputSchema } from "@agents-crm/config/login-codes";
import { z } from "zod";
import { announceAccessChange } from "../auth/access-changes";
import { changePassword } from "../auth/change-password";
import { login } from "../auth/login";
import { requestLoginCode } from "../auth/request-login-code";
import { verifyLoginCode } from "../auth/verify-login-code";
import { clearedSessionCookie, cookieShouldBeSecure } from "../auth/session-cookie";
import { recordAudit } from "../domain/audit";
import { authedProcedure, publicProcedure } from "../trpc";

export const authRouter = {
  /** Sets the HTTP-only session cookie; the token itself is never in the response body. */
  login: publicProcedure
    .input(
      z.object({
        email: z.string().trim().toLowerCase().min(1).max(MAX_EMAIL),
        password: z.string().min(1).max(MAX_PASSWORD),
      }),
    )
    .mutation(login),

  /** Mails a one-time code when SMTP is configured; the same answer whether or not the account exists. */
  requestCode: publicProcedure.input(requestCodeInputSchema).mutation(requestLoginCode),

  /** Signs in with the mailed code exactly as `login` does (cookie, throttle, audit). */
  verifyCode: publicProcedure.input(verifyCodeInputSchema).mutation(verifyLoginCode),

  logout: authedProcedure.mutation(async ({ ctx }) => {
    if (ctx.principal.kind === "user") {
      await ctx.deps.repos.sessions.deleteSessionById(ctx.principal.sessionId);
      await announceAccessChange(ctx.deps, { sessionId: ctx.principal.sessionId });
    }
    ctx.setCookie(
      clearedSessionCookie({ secure: cookieShouldBeSecure(ctx.secure, ctx.deps.env.ENVIRONMENT) }),
    );
    await recordAudit(ctx, {
      action: "auth.logout",
      resourceType: "admin_user",
      resourceId: ctx.principal.id,
    });
    return { ok: true as const };
  }),

  /** Your own password: the current one is checked (and throttled like sign-ins); other sessions end. */
  changePassword: authedProcedure
    .input(
      z.object({
        currentPassword: z.string().min(1).max(MAX_PASSWORD),
        newPassword: passwordSchema,
      }),
    )
    .mutation(changePassword),

  /** Who the caller is; anonymous callers get `user: null` rather than an error. */
  me: publicProcedure.query(async ({ ctx }) => {
    const principal = await ctx.authenticate();
    switch (principal.kind) {
      case "anonymous":
        return { user: null, principalKind: principal.kind, role: null };
      case "machine":
        return { user: null, principalKind: principal.kind, role: principal.role };
      case "user": {
        const user = await ctx.deps.repos.adminUsers.getById(principal.id);
        return { user, principalKind: principal.kind, role: principal.role };
      }
    }
  }),
} satisfies TRPCRouterRecord;
