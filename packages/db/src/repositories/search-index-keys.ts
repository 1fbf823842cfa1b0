/** Documents the search index holds: conversations ("c") and contacts ("p", people). */
export type SearchKind = "c" | "p";

/** Every index item has these; the root and message reverse items add `terms` (and `key`). */
export interface SearchItem {
  term: string;
  doc: string;
  agent_id?: string;
  expires_at?: number;
}

export const termKey = (kind: SearchKind, term: string): string => `${kind}#${term}`;
export const reverseKey = (kind: SearchKind, id: string): string => `r#${kind}#${id}`;
/** Sort key of a document under a term: newest-created first with ScanIndexForward=false. */
export const docKey = (createdAt: string, id: string): string => `${createdAt}#${id}`;
export const idOfDocKey = (key: string): string => key.slice(key.indexOf("#") + 1);
/** The reverse item holding a document's own terms (ids, name, …) and its sort key. */
export const ROOT = "root";
/** The reverse item of one message: the terms it added. */
export const messagePart = (messageId: string): string => `m#${messageId}`;
