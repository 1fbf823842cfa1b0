export { foldText } from "./fold-text";
export { digitRunPhones } from "./phone-reader";
export type { FoundPhone, PhoneReader } from "./phone-reader";
export {
  MAX_PREFIX,
  MAX_QUERY_TERMS,
  MAX_TERMS_PER_TEXT,
  MIN_PHONE_SUFFIX,
  MIN_PREFIX,
  conversationIdTerms,
  phoneTerms,
  queryTerms,
  shortConversationId,
  textTerms,
} from "./terms";
