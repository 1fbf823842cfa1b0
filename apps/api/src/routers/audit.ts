import type { TRPCRouterRecord } from "@trpc/server";
import { MAX_AUDIT_FILTER } from "@agents-crm/config/audit-actions";
import { z } from "zod";
import { adminProcedure } from "../trpc";
import { badInput } from "../trpc-errors";
import { listAuditByResourceType } from "./audit-by-type";

/** A Date (superjson) or any string `Date` parses; anything else is a BAD_REQUEST naming the field. */
const instant = z.union([z.date(), z.string().min(1)]).transform((value, ctx) => {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    ctx.addIssue({ code: "custom", message: "is not a valid date" });
    return z.NEVER;
  }
  return date;
});

const filter = z.string().trim().min(1).max(MAX_AUDIT_FILTER).optional();

export const auditRouter = {
  /** Newest first. */
  list: adminProcedure
    .input(
      z
        .object({
          from: instant.optional(),
          to: instant.optional(),
          action: filter,
          actorId: filter,
          resourceId: filter,
          resourceType: filter,
          cursor: z.string().nullish(),
          limit: z.number().int().min(1).max(200).default(50),
        })
        .default({ limit: 50 }),
    )
    .query(async ({ ctx, input }) => {
      const { resourceType, cursor, limit, ...filters } = input;
      if (filters.from && filters.to && filters.from > filters.to) {
        throw badInput("from", "must not be after `to`");
      }
      if (resourceType) {
        return listAuditByResourceType(ctx.deps.repos, filters, resourceType, cursor, limit);
      }
      return ctx.deps.repos.audit.list({ ...filters, cursor, limit });
    }),
} satisfies TRPCRouterRecord;
