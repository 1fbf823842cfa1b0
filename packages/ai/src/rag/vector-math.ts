/** Scales `vector` to unit length in place (a zero vector stays zero) and returns it. */
export function normalizeInPlace(
  vector: Float32Array,
  offset = 0,
  length = vector.length - offset,
): Float32Array {
  let sum = 0;
  for (let i = offset; i < offset + length; i++) sum += (vector[i] ?? 0) ** 2;
  if (sum === 0) return vector;
  const scale = 1 / Math.sqrt(sum);
  for (let i = offset; i < offset + length; i++) vector[i] = (vector[i] ?? 0) * scale;
  return vector;
}
