import { UsersPage } from "../../../components/admin/users/users-page";

export default function AdminUsersPage() {
  return <UsersPage />;
}
