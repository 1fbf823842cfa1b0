import { describe, expect, it } from "vitest";
import { createJsonShapeScanner, jsonShapeProblem } from "../src/security/json-shape";

const limits = { maxValues: 5, maxDepth: 3 };

describe("the JSON shape scanner", () => {
  it("counts values, not keys, and not what is inside strings", () => {
    // The object, 1, the string, the array and true; keys and what strings hold do not count.
    const text = '{"a":1,"b":"x,[{\\"]}","c":[true]}';
    expect(jsonShapeProblem(text, limits)).toBeNull();
    expect(jsonShapeProblem(text.replace("true", "true,null"), limits)).toBe(
      "has more than 5 JSON values",
    );
  });

  it("counts each number and literal once, whatever its length", () => {
    expect(jsonShapeProblem("[12345.6e7, -1, false, nul]", limits)).toBeNull();
    expect(jsonShapeProblem("[1,2,3,4,5]", limits)).toBe("has more than 5 JSON values");
  });

  it("bounds nesting", () => {
    expect(jsonShapeProblem("[[[]]]", limits)).toBeNull();
    expect(jsonShapeProblem("[[[[]]]]", limits)).toBe("is nested deeper than 3 levels");
    expect(jsonShapeProblem('{"a":{"b":{"c":{}}}}', limits)).toBe("is nested deeper than 3 levels");
  });

  it("keeps its state across chunks split anywhere, escapes included", () => {
    const text = Buffer.from('{"k":"a\\"[[[[[[","v":[1,2]}');
    for (let cut = 0; cut <= text.length; cut++) {
      const scanner = createJsonShapeScanner(limits);
      expect(scanner.push(text.subarray(0, cut))).toBeNull();
      expect(scanner.push(text.subarray(cut))).toBeNull();
    }
  });

  it("keeps refusing once it has refused", () => {
    const scanner = createJsonShapeScanner(limits);
    expect(scanner.push("[[[[")).toBe("is nested deeper than 3 levels");
    expect(scanner.push("]]]]")).toBe("is nested deeper than 3 levels");
  });
});
