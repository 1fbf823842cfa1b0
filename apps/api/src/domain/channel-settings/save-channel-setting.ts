import {
  CHANNEL_SETTING_VARIABLES,
  type ChannelSettingName,
  type ChannelSettingStatus,
} from "@agents-crm/config/channel-settings";
import type { StaffContext } from "../agents/agent-context";
import { recordAudit } from "../audit";

const statusOf = async (ctx: StaffContext, name: ChannelSettingName) => {
  const all = await ctx.deps.channelSecrets.status();
  return all.find((s) => s.name === name) as ChannelSettingStatus;
};

/**
 * Stores a channel secret from the console (encrypted; never returned). The environment variable, when
 * set, keeps winning: the answer says so, and the value is kept for the day the variable is removed.
 */
export async function setChannelSetting(
  ctx: StaffContext,
  input: { name: ChannelSettingName; value: string },
): Promise<ChannelSettingStatus> {
  await ctx.deps.channelSecrets.set(input.name, input.value);
  const status = await statusOf(ctx, input.name);
  // The audit records that it changed and where the value in effect comes from, never the value.
  await recordAudit(ctx, {
    action: "channel_settings.set",
    resourceType: "channel_setting",
    resourceId: input.name,
    newValue: { set: true, source: status.source },
    metadata: { variable: CHANNEL_SETTING_VARIABLES[input.name] },
  });
  return status;
}

export async function clearChannelSetting(
  ctx: StaffContext,
  name: ChannelSettingName,
): Promise<ChannelSettingStatus> {
  await ctx.deps.channelSecrets.clear(name);
  const status = await statusOf(ctx, name);
  await recordAudit(ctx, {
    action: "channel_settings.clear",
    resourceType: "channel_setting",
    resourceId: name,
    newValue: { set: status.set, source: status.source },
    metadata: { variable: CHANNEL_SETTING_VARIABLES[name] },
  });
  return status;
}
