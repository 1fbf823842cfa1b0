import { ChannelSettingsPage } from "~/features/channel-settings/channel-settings-page";

export default function AdminChannelSettingsPage() {
  return <ChannelSettingsPage />;
}
