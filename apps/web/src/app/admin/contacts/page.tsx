import { ContactsPage } from "~/features/contacts/contacts-page";
import { contactFiltersFromParams } from "~/features/contacts/contact-filters";

export default async function AdminContactsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  return <ContactsPage initialFilters={contactFiltersFromParams(await searchParams)} />;
}
