import type { AnyProcedure } from "@trpc/server";
import superjson from "superjson";
import type { ZodType } from "zod";

/** One malformed input: `wire` is exactly what goes in the input slot (superjson's envelope or not). */
export interface HostileInput {
  name: string;
  /** undefined: the call carries no input at all. */
  wire: unknown;
}

type Def = { type: string; innerType?: ZodType; shape?: Record<string, ZodType> };
const defOf = (schema: ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The field names of a procedure's object input (through `.default()` / `.optional()`), or []. */
export function inputFieldsOf(procedure: AnyProcedure): string[] {
  const inputs = (procedure._def as unknown as { inputs?: ZodType[] }).inputs ?? [];
  let def = inputs[0] ? defOf(inputs[0]) : undefined;
  while (def?.innerType) def = defOf(def.innerType);
  return def?.type === "object" ? Object.keys(def.shape ?? {}) : [];
}

const nested = (depth: number): unknown => (depth === 0 ? [] : [nested(depth - 1)]);

/** Values every field is set to in turn: wrong types, sizes, encodings and NaN-ish numbers. */
const FIELD_VALUES: Record<string, unknown> = {
  "an object": { nested: true },
  "an array": [1, "two", null],
  "a huge string": "x".repeat(12_000),
  "a 500 KB string": "x".repeat(500_000),
  // 2,200 bytes: past DynamoDB's key limits (2,048 partition, 1,024 sort) in 1,100 characters.
  "an over-long id": "я".repeat(1_100),
  "a lone surrogate": "\ud800",
  "an empty string": " ",
  "-1": -1,
  "1e308": 1e308,
  NaN: NaN,
  "-Infinity": -Infinity,
  "a bigint": 10n ** 40n,
  "an invalid date": new Date(NaN),
  null: null,
};

/** Set one field at a time, the others left out, so handlers are reached past optional fields. */
const ONE_FIELD_VALUES = [
  "an object",
  "a huge string",
  "an over-long id",
  "a lone surrogate",
  "an empty string",
  "-1",
  "NaN",
] as const;

const wrap = (value: unknown) => superjson.serialize(value);
const forgedCursor = Buffer.from(JSON.stringify({ s: "another-list", k: { pk: "a" } })).toString(
  "base64url",
);

/**
 * Superjson envelopes a client could forge: meta that names missing paths, unknown types, prototypes.
 * They fail (or not) in the transformer, before any procedure: a few procedures get them.
 */
export const BAD_ENVELOPES: HostileInput[] = [
  {
    name: "meta for a path that does not exist",
    wire: { json: {}, meta: { values: { "a.b.c": ["map"] } } },
  },
  {
    name: "meta writing __proto__",
    wire: { json: {}, meta: { values: { "__proto__.polluted": ["undefined"] } } },
  },
  {
    name: "meta writing constructor.prototype",
    wire: { json: { constructor: {} }, meta: { values: { "constructor.prototype": ["set"] } } },
  },
  {
    name: "an unknown custom type",
    wire: { json: { a: "x" }, meta: { values: { a: [["custom", "Nope"]] } } },
  },
  {
    name: "an unknown class",
    wire: { json: { a: {} }, meta: { values: { a: [["class", "Evil"]] } } },
  },
  { name: "a bigint that is not a number", wire: { json: "x", meta: { values: ["bigint"] } } },
  {
    name: "a 20,000-digit bigint",
    wire: { json: "9".repeat(20_000), meta: { values: ["bigint"] } },
  },
  { name: "a malformed regexp", wire: { json: "/(/", meta: { values: ["regexp"] } } },
  {
    name: "referential equalities to nowhere",
    wire: { json: {}, meta: { referentialEqualities: { a: ["b.c"] } } },
  },
  { name: "meta that is a string", wire: { json: {}, meta: "garbage" } },
  { name: "meta values that are numbers", wire: { json: { a: 1 }, meta: { values: { a: 7 } } } },
  {
    name: "an envelope of an unknown version",
    wire: { json: { a: [1] }, meta: { values: { a: ["set"] }, v: 999 } },
  },
  { name: "no json key", wire: { meta: {} } },
];

/** For callers the access check refuses: it must refuse them before looking at the input. */
export const REFUSED_INPUTS: HostileInput[] = [
  { name: "no input", wire: undefined },
  { name: "a huge string", wire: wrap("x".repeat(12_000)) },
  { name: "nesting 200 deep", wire: wrap(nested(200)) },
];

/** Every malformed input this procedure gets, shaped by the fields its schema names. */
export function hostileInputsFor(procedure: AnyProcedure): HostileInput[] {
  const fields = inputFieldsOf(procedure);
  const allFields = (value: unknown) =>
    fields.length > 0 ? Object.fromEntries(fields.map((f) => [f, value])) : value;
  const cursors: HostileInput[] = fields.includes("cursor")
    ? [
        { name: "a cursor of garbage", wire: wrap({ cursor: "!!!", limit: 0 }) },
        { name: "a 5,000-character cursor", wire: wrap({ cursor: "A".repeat(5_000), limit: 1e9 }) },
        { name: "a cursor of another list", wire: wrap({ cursor: forgedCursor, limit: 1 }) },
      ]
    : [];
  return [
    { name: "no input", wire: undefined },
    { name: "null", wire: wrap(null) },
    { name: "a number", wire: wrap(42) },
    { name: "a string", wire: wrap("not an object") },
    { name: "an array instead of an object", wire: wrap([{}]) },
    { name: "missing fields", wire: wrap({}) },
    { name: "not superjson at all", wire: { a: 1 } },
    ...Object.entries(FIELD_VALUES).map(([name, value]) => ({
      name: `every field ${name}`,
      wire: wrap(allFields(value)),
    })),
    ...fields.flatMap((field) =>
      ONE_FIELD_VALUES.map((name) => ({
        name: `${field} ${name}`,
        wire: wrap({ [field]: FIELD_VALUES[name] }),
      })),
    ),
    {
      name: "extra fields and prototype keys",
      // JSON.parse makes "__proto__" an own key; nothing may copy it onto a prototype.
      wire: JSON.parse(
        '{"json":{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"extra":1}}',
      ) as unknown,
    },
    { name: "nesting 50 deep", wire: wrap(allFields(nested(50))) },
    { name: "nesting 200 deep", wire: wrap(allFields(nested(200))) },
    ...cursors,
  ];
}
