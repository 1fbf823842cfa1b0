import { ContactDetail } from "~/features/contacts/contact-detail";

export default async function AdminContactPage({
  params,
}: {
  params: Promise<{ contactId: string }>;
}) {
  const { contactId } = await params;
  return <ContactDetail key={contactId} contactId={contactId} />;
}
