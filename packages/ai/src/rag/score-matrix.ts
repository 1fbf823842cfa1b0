import type { ScoresFunction, SimdDot } from "./simd-dot-module";
import { simdDot } from "./simd-dot-module";
import { normalizeInPlace } from "./vector-math";

/** Unit-length rows in one contiguous block, scored all at once against a query. */
export interface ScoreMatrix {
  readonly rows: number;
  readonly dimensions: number;
  readonly byteSize: number;
  /** Copies `vector` into `row`, scaled to unit length. */
  setRow(row: number, vector: Float32Array): void;
  /** Dot product of every row with `query`; the returned array is reused by the next call. */
  scores(query: Float32Array): Float32Array;
}

const PAGE_BYTES = 65_536;

export function createScoreMatrix(
  rows: number,
  dimensions: number,
  options: { simd?: boolean } = {},
): ScoreMatrix {
  const simd = options.simd === false ? null : simdDot();
  return simd ? wasmMatrix(simd, rows, dimensions) : scalarMatrix(rows, dimensions);
}

function wasmMatrix({ wasm, module }: SimdDot, rows: number, dimensions: number): ScoreMatrix {
  // Rows are padded with zeros to whole f32x4 lanes; the query and the scores live right after them.
  const stride = Math.max(4, Math.ceil(dimensions / 4) * 4);
  const matrixBytes = rows * stride * 4;
  const queryOffset = matrixBytes;
  const outOffset = queryOffset + stride * 4;
  const memory = new wasm.Memory({
    initial: Math.max(1, Math.ceil((outOffset + rows * 4) / PAGE_BYTES)),
  });
  const instance = new wasm.Instance(module, { env: { memory } });
  const run = instance.exports.scores as ScoresFunction;
  const matrix = new Float32Array(memory.buffer, 0, rows * stride);
  const query = new Float32Array(memory.buffer, queryOffset, stride);
  const out = new Float32Array(memory.buffer, outOffset, rows);
  return {
    rows,
    dimensions,
    byteSize: memory.buffer.byteLength,
    setRow(row, vector) {
      matrix.set(vector.subarray(0, dimensions), row * stride);
      normalizeInPlace(matrix, row * stride, dimensions);
    },
    scores(vector) {
      query.set(vector.subarray(0, dimensions));
      run(0, queryOffset, rows, stride * 4, outOffset);
      return out;
    },
  };
}

function scalarMatrix(rows: number, dimensions: number): ScoreMatrix {
  const matrix = new Float32Array(rows * dimensions);
  const out = new Float32Array(rows);
  return {
    rows,
    dimensions,
    byteSize: matrix.byteLength,
    setRow(row, vector) {
      matrix.set(vector.subarray(0, dimensions), row * dimensions);
      normalizeInPlace(matrix, row * dimensions, dimensions);
    },
    scores(query) {
      for (let row = 0, offset = 0; row < rows; row++, offset += dimensions) {
        let sum = 0;
        for (let i = 0; i < dimensions; i++) sum += matrix[offset + i]! * query[i]!;
        out[row] = sum;
      }
      return out;
    },
  };
}
