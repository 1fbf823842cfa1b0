"use client";

import { useT } from "~/i18n/i18n-provider";
import { trpc } from "~/lib/trpc";
import admin from "~/ui/admin-page.module.css";
import { SettingRow } from "./setting-row";

/** `/admin/channel-settings` (owners and admins): Meta's and Twilio's platform-wide secrets. */
export function ChannelSettingsPage() {
  const t = useT("channelSettings");
  const settings = trpc.channelSettings.get.useQuery();
  return (
    <section className={admin.page} aria-labelledby="channel-settings-title">
      <div className={admin.header}>
        <h1 id="channel-settings-title">{t.title}</h1>
      </div>
      <p className="muted">{t.intro}</p>
      {settings.isPending && <p className="muted">{t.loading}</p>}
      {settings.isError && <p role="alert">{t.loadFailed}</p>}
      {settings.data?.items.map((status) => (
        <SettingRow key={status.name} status={status} />
      ))}
    </section>
  );
}
