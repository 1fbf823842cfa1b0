import { GetCommand } from "@aws-sdk/lib-dynamodb";
import type { CannedSort } from "@agents-crm/config/canned-responses";
import type { Db } from "../client/db";
import { clampLimit } from "../lib/page";
import type { Page, PageRequest } from "../lib/page";
import { parseItem } from "../lib/parse-item";
import { keyAttributes, queryCount, queryPage } from "../lib/query";
import { storedCannedResponseSchema, type StoredCannedResponse } from "../schemas/canned-response";
import { tableDefinition } from "../tables/definitions";
import type { RepositoryContext } from "./context";

type Item = Record<string, unknown>;

const TABLE = tableDefinition("cannedResponses");
export const CANNED_LIST_PK = "CANNED";
const COUNT_DIGITS = 10;
const INDEX: Record<CannedSort, { name: string; keys: string[]; forward: boolean }> = {
  shortcut: {
    name: "shortcut-index",
    keys: keyAttributes(TABLE, "shortcut-index"),
    forward: true,
  },
  use: { name: "use-index", keys: keyAttributes(TABLE, "use-index"), forward: false },
};

export interface ListCannedOptions extends PageRequest {
  sort?: CannedSort;
  /** Responses usable with this agent: its own and those for every agent. */
  agentId?: string;
  /** Responses in this language and those for every language. */
  language?: string;
  /** Part of the shortcut or the text, any case. */
  search?: string;
}

/** Index sort keys: most used first (ties: newest first, ids being ULIDs), and by shortcut. */
export const useSort = (r: Pick<StoredCannedResponse, "useCount" | "responseId">) =>
  `${String(Math.min(r.useCount, 10 ** COUNT_DIGITS - 1)).padStart(COUNT_DIGITS, "0")}#${r.responseId}`;
export const shortcutSort = (
  r: Pick<StoredCannedResponse, "shortcut" | "language" | "responseId">,
) => `${r.shortcut}#${r.language ?? ""}#${r.responseId}`;
export const searchText = (r: Pick<StoredCannedResponse, "shortcut" | "content">) =>
  `${r.shortcut}\n${r.content}`.toLowerCase();

export const toCannedResponse = (item: Item): StoredCannedResponse => {
  const { list_pk: _pk, shortcut_sort: _s, use_sort: _u, search_text: _t, ...rest } = item;
  return parseItem(storedCannedResponseSchema, rest, "canned response", String(item.response_id));
};

/** Only responses carry `list_pk`; claim items have none, so they never reach a list. */
const isResponse = (item: Item | undefined): item is Item => item?.list_pk === CANNED_LIST_PK;

export function createCannedResponseReads(db: Db, ctx: RepositoryContext) {
  const TableName = db.tables.cannedResponses;

  const get = async (responseId: string): Promise<StoredCannedResponse | null> => {
    const out = await db.doc.send(
      new GetCommand({ TableName, Key: { response_id: responseId }, ConsistentRead: true }),
    );
    return isResponse(out.Item) ? toCannedResponse(out.Item) : null;
  };

  return {
    get,

    /** How many responses exist (a bounded set: the domain caps it). */
    count(): Promise<number> {
      return queryCount(db, {
        TableName,
        IndexName: "shortcut-index",
        KeyConditionExpression: "list_pk = :pk",
        ExpressionAttributeValues: { ":pk": CANNED_LIST_PK },
      });
    },

    /** A Query on the sparse list index; the filters narrow it without ever scanning the table. */
    list(options: ListCannedOptions = {}): Promise<Page<StoredCannedResponse>> {
      const sort = options.sort ?? "use";
      const index = INDEX[sort];
      const filters: string[] = [];
      const names: Record<string, string> = {};
      const values: Record<string, unknown> = { ":pk": CANNED_LIST_PK };
      if (options.agentId) {
        filters.push("(attribute_not_exists(agent_id) OR agent_id = :agent)");
        values[":agent"] = options.agentId;
      }
      if (options.language) {
        filters.push("(attribute_not_exists(#lang) OR #lang = :lang)");
        names["#lang"] = "language";
        values[":lang"] = options.language;
      }
      const search = options.search?.trim().toLowerCase();
      if (search) {
        filters.push("contains(search_text, :search)");
        values[":search"] = search;
      }
      return queryPage(db, {
        input: {
          TableName,
          IndexName: index.name,
          KeyConditionExpression: "list_pk = :pk",
          ...(filters.length ? { FilterExpression: filters.join(" AND ") } : {}),
          ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
          ExpressionAttributeValues: values,
          ScanIndexForward: index.forward,
        },
        keys: index.keys,
        scope: `cannedResponses:${sort}:${options.agentId ?? ""}:${options.language ?? ""}:${search ?? ""}`,
        cursor: options.cursor,
        limit: clampLimit(options.limit),
        map: toCannedResponse,
        pageSize: ctx.queryPageSize,
      });
    },
  };
}
