import { NotificationsPage } from "../../../components/admin/notifications/notifications-page";

export default function AdminNotificationsPage() {
  return <NotificationsPage />;
}
