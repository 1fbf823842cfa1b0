import { ProfilePage } from "~/features/profile/profile-page";

export default function AdminProfilePage() {
  return <ProfilePage />;
}
