import {
  channelSettingClearInputSchema,
  channelSettingSetInputSchema,
} from "@agents-crm/config/channel-settings";
import type { TRPCRouterRecord } from "@trpc/server";
import {
  clearChannelSetting,
  setChannelSetting,
} from "../domain/channel-settings/save-channel-setting";
import { adminProcedure } from "../trpc";

/**
 * Platform-wide channel secrets (Meta app secrets and verify tokens, Twilio's credentials): values go
 * in, only `{ set, source }` comes out. The environment variable, when set, wins.
 */
export const channelSettingsRouter = {
  get: adminProcedure.query(async ({ ctx }) => ({
    items: await ctx.deps.channelSecrets.status(),
    nextCursor: null,
  })),

  set: adminProcedure
    .input(channelSettingSetInputSchema)
    .mutation(({ ctx, input }) => setChannelSetting(ctx, input)),

  clear: adminProcedure
    .input(channelSettingClearInputSchema)
    .mutation(({ ctx, input }) => clearChannelSetting(ctx, input.name)),
} satisfies TRPCRouterRecord;
