// A 200-byte WebAssembly module that scores every row of a matrix against a query with f32x4 SIMD:
// ~8× faster than the scalar JavaScript loop (5,000 × 1536 floats: ~1.3 ms instead of ~10 ms).
// Hand-assembled so there is no toolchain; this is its text form:
//
// (module
//   (import "env" "memory" (memory 1))
//   (func (export "scores") (param $m i32) (param $q i32) (param $rows i32) (param $rowBytes i32)
//                           (param $out i32) (local $row i32) (local $i i32) (local $acc v128)
//     (block (br_if 0 (i32.eqz (local.get $rows)))
//       (loop $eachRow
//         (local.set $acc (v128.const i32x4 0 0 0 0))
//         (local.set $i (i32.const 0))
//         (loop $eachLane                       ;; $rowBytes is a positive multiple of 16
//           (local.set $acc (f32x4.add (local.get $acc)
//             (f32x4.mul (v128.load align=4 (local.get $m))
//                        (v128.load align=4 (i32.add (local.get $q) (local.get $i))))))
//           (local.set $m (i32.add (local.get $m) (i32.const 16)))
//           (br_if $eachLane (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 16))) (local.get $rowBytes))))
//         (f32.store align=4 (local.get $out)
//           (f32.add (f32.add (f32.add (f32x4.extract_lane 0 (local.get $acc)) (f32x4.extract_lane 1 (local.get $acc)))
//                             (f32x4.extract_lane 2 (local.get $acc))) (f32x4.extract_lane 3 (local.get $acc))))
//         (local.set $out (i32.add (local.get $out) (i32.const 4)))
//         (br_if $eachRow (i32.lt_u (local.tee $row (i32.add (local.get $row) (i32.const 1))) (local.get $rows)))))))

const HEADER = `
  00 61 73 6d 01 00 00 00
  01 09 01 60 05 7f 7f 7f 7f 7f 00
  02 0f 01 03 65 6e 76 06 6d 65 6d 6f 72 79 02 00 01
  03 02 01 00
  07 0a 01 06 73 63 6f 72 65 73 00 00`;

const BODY = `
  02 02 7f 01 7b
  02 40 20 02 45 0d 00
  03 40
    fd 0c 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 21 07
    41 00 21 06
    03 40
      20 07 20 00 fd 00 02 00 20 01 20 06 6a fd 00 02 00 fd e6 01 fd e4 01 21 07
      20 00 41 10 6a 21 00
      20 06 41 10 6a 22 06 20 03 49 0d 00
    0b
    20 04
    20 07 fd 1f 00 20 07 fd 1f 01 92 20 07 fd 1f 02 92 20 07 fd 1f 03 92
    38 02 00
    20 04 41 04 6a 21 04
    20 05 41 01 6a 22 05 20 02 49 0d 00
  0b
  0b
  0b`;

const hexBytes = (hex: string) =>
  hex
    .trim()
    .split(/\s+/)
    .map((byte) => parseInt(byte, 16));

function leb128(value: number): number[] {
  const bytes: number[] = [];
  let rest = value;
  do {
    const low = rest & 0x7f;
    rest >>>= 7;
    bytes.push(rest ? low | 0x80 : low);
  } while (rest);
  return bytes;
}

function moduleBytes(): Uint8Array<ArrayBuffer> {
  const body = hexBytes(BODY);
  const code = [0x01, ...leb128(body.length), ...body];
  return new Uint8Array([...hexBytes(HEADER), 0x0a, ...leb128(code.length), ...code]);
}

export type ScoresFunction = (
  matrix: number,
  query: number,
  rows: number,
  rowBytes: number,
  out: number,
) => void;

// The WebAssembly global exists in every Node version we support, but Node 20's type definitions don't
// declare it (only the DOM lib does): this is the part of its API used here.
interface WasmModule {
  readonly wasmModule: true;
}
export interface WasmApi {
  validate(bytes: Uint8Array<ArrayBuffer>): boolean;
  Module: new (bytes: Uint8Array<ArrayBuffer>) => WasmModule;
  Instance: new (
    module: WasmModule,
    imports: Record<string, Record<string, unknown>>,
  ) => { exports: Record<string, unknown> };
  Memory: new (descriptor: { initial: number }) => { readonly buffer: ArrayBuffer };
}

export interface SimdDot {
  wasm: WasmApi;
  module: WasmModule;
}

let compiled: SimdDot | null | undefined;

/** The compiled module, or null where WebAssembly SIMD is unavailable. */
export function simdDot(): SimdDot | null {
  if (compiled === undefined) {
    const wasm = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;
    const bytes = moduleBytes();
    compiled = wasm?.validate(bytes) ? { wasm, module: new wasm.Module(bytes) } : null;
  }
  return compiled;
}
