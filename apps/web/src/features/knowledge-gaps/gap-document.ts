/** How long a question may be as a document title; the whole question is in the content anyway. */
const MAX_TITLE = 120;

/** Ids like the upload's: lower-case letters, digits and "_", unique among the agent's sources. */
function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}_${n}`)) return `${base}_${n}`;
}

/**
 * The knowledge document "Add to knowledge" starts: titled with the question, the question as its first
 * line (so retrieval finds the document for the same question), then the answer the admin writes.
 */
export function gapKnowledgeDocument(question: string, taken: ReadonlySet<string>) {
  const latin = question
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 40)
    .replace(/_+$/, "");
  const title = question.length <= MAX_TITLE ? question : `${question.slice(0, MAX_TITLE - 1)}…`;
  return {
    id: uniqueId(latin ? `faq_${latin}` : "faq", taken),
    type: "text",
    title,
    content: `${question}\n`,
  };
}
