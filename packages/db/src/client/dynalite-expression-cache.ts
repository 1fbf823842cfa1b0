import { createRequire } from "node:module";

/**
 * dynalite parses every request's expressions with PEG parsers, which cost more than the rest of a small
 * read or write (about a third of the embedded engine's time in a web-chat turn). Our expressions repeat
 * with different values, so each parse is kept as a template: parsed once with stand-in values, then
 * copied with the request's own values put in. Only where the parse depends on nothing but the values'
 * types (strings and numbers here): an expression comparing values at parse time (BETWEEN), naming a type
 * (attribute_type), or whose tree would carry a stand-in anywhere but where a value goes, is parsed
 * every time as before.
 */
interface ParseContext {
  attrNames?: Record<string, string>;
  attrVals?: Record<string, Record<string, unknown>>;
  unusedAttrNames?: Record<string, boolean>;
  unusedAttrVals?: Record<string, boolean>;
  isKeyCondition?: boolean;
  [other: string]: unknown;
}
interface Parser {
  parse(input: string, options: { context: ParseContext }): unknown;
}
interface Template {
  tree: unknown;
  standIns: Map<object, string>;
  usedNames: string[];
  usedVals: string[];
}

const MARK = "\u0000template-value\u0000";
const MAX_TEMPLATES = 2_000;
const VALUE_DEPENDENT = /between|attribute_type/i;
const templates = new Map<string, Template | null>();

function typeOf(value: Record<string, unknown>): "S" | "N" | null {
  const keys = Object.keys(value);
  if (keys.length !== 1) return null;
  return keys[0] === "S" || keys[0] === "N" ? keys[0] : null;
}

function keyOf(parser: string, input: string, context: ParseContext): string | null {
  if (VALUE_DEPENDENT.test(input)) return null;
  const types: string[] = [];
  for (const [name, value] of Object.entries(context.attrVals ?? {})) {
    const type = typeOf(value);
    if (!type) return null;
    types.push(`${name}:${type}`);
  }
  return [
    parser,
    context.isKeyCondition ? 1 : 0,
    input,
    JSON.stringify(context.attrNames ?? null),
    types.sort().join(","),
  ].join("\u0001");
}

function copyWith(node: unknown, standIns: Map<object, string>, values: ParseContext["attrVals"]) {
  if (typeof node !== "object" || node === null) return node;
  const standIn = standIns.get(node);
  if (standIn !== undefined) return values?.[standIn];
  if (Array.isArray(node)) return node.map((item): unknown => copyWith(item, standIns, values));
  const copy = Object.create(Object.getPrototypeOf(node) as object | null) as Record<
    string,
    unknown
  >;
  for (const [key, value] of Object.entries(node)) copy[key] = copyWith(value, standIns, values);
  return copy;
}

/** Whether a stand-in's text shows up anywhere but as the stand-in object itself. */
function leaks(node: unknown, standIns: Map<object, string>): boolean {
  if (typeof node === "string") return node.includes(MARK);
  if (typeof node !== "object" || node === null || standIns.has(node)) return false;
  return Object.values(node).some((value) => leaks(value, standIns));
}

function templateOf(parse: Parser["parse"], input: string, context: ParseContext): Template | null {
  const standIns = new Map<object, string>();
  const attrVals: Record<string, Record<string, unknown>> = {};
  for (const [name, value] of Object.entries(context.attrVals ?? {})) {
    const standIn = { [typeOf(value) as string]: `${MARK}${name}` };
    standIns.set(standIn, name);
    attrVals[name] = standIn;
  }
  const unusedAttrNames = { ...context.unusedAttrNames };
  const unusedAttrVals = { ...context.unusedAttrVals };
  let tree: unknown;
  try {
    tree = parse(input, {
      context: { ...context, attrVals, unusedAttrNames, unusedAttrVals },
    });
  } catch {
    return null;
  }
  if (typeof tree !== "object" || tree === null || leaks(tree, standIns)) return null;
  const gone = (before: object = {}, after: object) =>
    Object.keys(before).filter((key) => !(key in after));
  return {
    tree,
    standIns,
    usedNames: gone(context.unusedAttrNames, unusedAttrNames),
    usedVals: gone(context.unusedAttrVals, unusedAttrVals),
  };
}

function cached(name: string, original: Parser["parse"]): Parser["parse"] {
  return (input, options) => {
    const { context } = options;
    const key = keyOf(name, input, context);
    if (key === null) return original(input, options);
    const template = templates.get(key);
    if (template) {
      for (const used of template.usedNames) delete context.unusedAttrNames?.[used];
      for (const used of template.usedVals) delete context.unusedAttrVals?.[used];
      return copyWith(template.tree, template.standIns, context.attrVals);
    }
    // The parse below marks what it used in these; the template needs them as they were.
    const unused = {
      unusedAttrNames: { ...context.unusedAttrNames },
      unusedAttrVals: { ...context.unusedAttrVals },
    };
    const result = original(input, options);
    if (template === undefined && typeof result === "object" && result !== null) {
      if (templates.size >= MAX_TEMPLATES) templates.clear();
      templates.set(key, templateOf(original, input, { ...context, ...unused }));
    }
    return result;
  };
}

const load = createRequire(import.meta.url);
let installed = false;

/** Makes dynalite's expression parsers (shared by every engine in this process) keep templates. */
export function cacheDynaliteExpressions(): void {
  if (installed) return;
  installed = true;
  for (const name of ["conditionParser", "updateParser", "projectionParser"]) {
    const parser = load(`dynalite/db/${name}.js`) as Parser;
    parser.parse = cached(name, parser.parse.bind(parser));
  }
}
