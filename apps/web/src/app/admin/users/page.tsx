import { UsersPage } from "~/features/users/users-page";

export default function AdminUsersPage() {
  return <UsersPage />;
}
