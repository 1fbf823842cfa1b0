import { NotificationsPage } from "~/features/notifications/notifications-page";

export default function AdminNotificationsPage() {
  return <NotificationsPage />;
}
