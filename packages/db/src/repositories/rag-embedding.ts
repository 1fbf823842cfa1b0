/** Float32 little-endian bytes, the layout DynamoDB Binary stores for an embedding. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export function encodeEmbedding(embedding: Float32Array): Uint8Array {
  if (LITTLE_ENDIAN) {
    return new Uint8Array(
      embedding.buffer.slice(embedding.byteOffset, embedding.byteOffset + embedding.byteLength),
    );
  }
  const bytes = new Uint8Array(embedding.length * 4);
  const view = new DataView(bytes.buffer);
  embedding.forEach((v, i) => view.setFloat32(i * 4, v, true));
  return bytes;
}

/**
 * Bytes from the SDK usually sit at an arbitrary offset of a shared buffer, and a Float32Array needs a
 * 4-byte-aligned offset: copy into a fresh buffer. The reference stored embeddings as a JSON string.
 */
export function decodeEmbedding(value: unknown): Float32Array {
  if (typeof value === "string") return Float32Array.from(JSON.parse(value) as number[]);
  if (!(value instanceof Uint8Array) || value.byteLength % 4 !== 0) {
    throw new Error("embedding is not Float32 bytes");
  }
  if (LITTLE_ENDIAN) return new Float32Array(value.slice().buffer);
  const view = new DataView(value.buffer, value.byteOffset, value.byteLength);
  return Float32Array.from({ length: value.byteLength / 4 }, (_, i) =>
    view.getFloat32(i * 4, true),
  );
}
