import type { KnowledgeDocumentView } from "@agents-crm/config/knowledge-library";
import type { StoredKnowledgeDocument } from "@agents-crm/db";

export function toDocumentView(document: StoredKnowledgeDocument): KnowledgeDocumentView {
  const {
    text: _text,
    caption: _caption,
    version: _version,
    contentVersion: _contentVersion,
    ...view
  } = document;
  return view;
}
