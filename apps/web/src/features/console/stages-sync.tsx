"use client";

import { trpc } from "~/lib/trpc";
import { useAdminEvents } from "./admin-events";

/** One listener keeps every stage picker, chip and board column on the pipeline another admin just saved. */
export function StagesSync() {
  const utils = trpc.useUtils();
  useAdminEvents((event) => {
    if (event.type !== "stages.updated") return;
    utils.stages.list.setData(undefined, {
      items: event.payload.stages,
      nextCursor: null,
      version: event.payload.version,
    });
  });
  return null;
}
