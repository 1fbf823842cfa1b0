import { CannedResponsesPage } from "~/features/canned-responses/canned-responses-page";

export default function AdminCannedResponsesPage() {
  return <CannedResponsesPage />;
}
