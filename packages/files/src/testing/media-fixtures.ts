/**
 * Recordings built in memory with the headers real encoders write (opusenc/libopus, LAME, ffmpeg's mp4
 * muxer, Chrome's MediaRecorder WebM): what the length reader looks at is real; the coded frames are filler.
 */

function oggPage(granule: bigint, sequence: number, payload: Buffer, headerType = 0): Buffer {
  const head = Buffer.alloc(27);
  head.write("OggS", 0, "latin1");
  head.writeUInt8(headerType, 5);
  head.writeBigUInt64LE(granule, 6);
  head.writeUInt32LE(0x5eed, 14);
  head.writeUInt32LE(sequence, 18);
  const segments: number[] = [];
  let left = payload.length;
  while (left >= 255) {
    segments.push(255);
    left -= 255;
  }
  segments.push(left);
  head.writeUInt8(segments.length, 26);
  return Buffer.concat([head, Buffer.from(segments), payload]);
}

/** An Ogg Opus voice note of `seconds` (RFC 7845: OpusHead with a 312-sample pre-skip, OpusTags, audio pages). */
export function oggOpusVoice(seconds: number): Buffer {
  const preSkip = 312;
  const head = Buffer.alloc(19);
  head.write("OpusHead", 0, "latin1");
  head.writeUInt8(1, 8);
  head.writeUInt8(1, 9);
  head.writeUInt16LE(preSkip, 10);
  head.writeUInt32LE(48_000, 12);
  const tags = Buffer.concat([
    Buffer.from("OpusTags", "latin1"),
    Buffer.from([7, 0, 0, 0]),
    Buffer.from("libopus"),
    Buffer.alloc(4),
  ]);
  const total = BigInt(Math.round(seconds * 48_000) + preSkip);
  return Buffer.concat([
    oggPage(0n, 0, head, 0x02),
    oggPage(0n, 1, tags),
    oggPage(total / 2n, 2, Buffer.alloc(300, 0x33)),
    oggPage(total, 3, Buffer.alloc(300, 0x33), 0x04),
  ]);
}

/** A 128 kbit/s 44.1 kHz MPEG-1 layer III frame header. */
const MP3_FRAME_HEADER = [0xff, 0xfb, 0x90, 0x64];

/**
 * An MP3 of `seconds`: an ID3v2 tag, then a LAME "Info" frame stating the frame count (1,152 samples
 * each at 44.1 kHz) — or, with `constantBitRate`, just frames, whose size at 128 kbit/s is the clock.
 */
export function mp3(seconds: number, constantBitRate = false): Buffer {
  const id3 = Buffer.concat([Buffer.from("ID3\x04\0\0\0\0\0\x0a", "latin1"), Buffer.alloc(10)]);
  const frameBytes = 417; // 144 × 128000 / 44100
  if (constantBitRate) {
    const frames = Math.round((seconds * 128_000) / 8 / frameBytes);
    const frame = Buffer.concat([Buffer.from(MP3_FRAME_HEADER), Buffer.alloc(frameBytes - 4)]);
    return Buffer.concat([id3, ...Array.from({ length: frames }, () => frame)]);
  }
  const info = Buffer.alloc(frameBytes);
  info.set(MP3_FRAME_HEADER, 0);
  info.write("Info", 4 + 32, "latin1"); // after the stereo side information
  info.writeUInt32BE(0x0f, 4 + 32 + 4);
  info.writeUInt32BE(Math.round((seconds * 44_100) / 1152), 4 + 32 + 8);
  return Buffer.concat([id3, info, Buffer.alloc(2048, 0x55)]);
}

function box(type: string, ...payload: Buffer[]): Buffer {
  const body = Buffer.concat(payload);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length + 8, 0);
  head.write(type, 4, "latin1");
  return Buffer.concat([head, body]);
}

/**
 * An MP4 (or M4A with `audioOnly`) of `seconds`: `ftyp`, `mdat`, then `moov` at the end as phones write
 * it — `mvhd` (timescale 1000) and, for video, a track whose `tkhd` says width × height, its matrix
 * turned 90° when `portrait` (a phone held upright records landscape pixels and says so there).
 */
export function mp4(
  seconds: number,
  options: { width?: number; height?: number; portrait?: boolean; audioOnly?: boolean } = {},
): Buffer {
  const mvhd = Buffer.alloc(100);
  mvhd.writeUInt32BE(1000, 12);
  mvhd.writeUInt32BE(Math.round(seconds * 1000), 16);
  const tkhd = Buffer.alloc(84);
  tkhd.writeUInt32BE(0x0000_0003, 0); // enabled, in movie
  const matrix = options.portrait
    ? [0, 0x10000, 0, -0x10000, 0, 0, 0, 0, 0x40000000]
    : [0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000];
  matrix.forEach((value, i) => tkhd.writeInt32BE(value, 40 + i * 4));
  tkhd.writeUInt32BE((options.width ?? 0) * 0x10000, 76);
  tkhd.writeUInt32BE((options.height ?? 0) * 0x10000, 80);
  const brand = options.audioOnly ? "M4A " : "isom";
  return Buffer.concat([
    box("ftyp", Buffer.from(`${brand}\0\0\x02\0isomiso2mp41`, "latin1")),
    box("mdat", Buffer.alloc(1024, 0x55)),
    box("moov", box("mvhd", mvhd), ...(options.audioOnly ? [] : [box("trak", box("tkhd", tkhd))])),
  ]);
}

/** An EBML element (RFC 8794) with a 4-byte size, or the "unknown" size live recorders write. */
function ebml(id: number[], payload: Buffer, unknownSize = false): Buffer {
  const size = unknownSize
    ? Buffer.from([0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff])
    : Buffer.from([0x10, 0, 0, 0]);
  if (!unknownSize) size.writeUInt32BE(0x10000000 | payload.length, 0);
  return Buffer.concat([Buffer.from(id), size, payload]);
}

const ebmlUint = (id: number[], value: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(value, 0);
  return ebml(id, b);
};

/**
 * A WebM of `seconds`: EBML header (doctype webm), a Segment with Info (TimestampScale 1 ms, and a
 * Duration unless `recorder`), Tracks (a video track of width × height when given), and clusters of
 * SimpleBlocks. `recorder` writes what Chrome's MediaRecorder does: no Duration, unknown sizes.
 */
export function webm(
  seconds: number,
  options: { width?: number; height?: number; recorder?: boolean } = {},
): Buffer {
  const duration = Buffer.alloc(8);
  duration.writeDoubleBE(seconds * 1000, 0);
  const info = ebml(
    [0x15, 0x49, 0xa9, 0x66],
    Buffer.concat([
      ebmlUint([0x2a, 0xd7, 0xb1], 1_000_000),
      ...(options.recorder ? [] : [ebml([0x44, 0x89], duration)]),
    ]),
  );
  const video =
    options.width && options.height
      ? [
          ebml(
            [0xe0],
            Buffer.concat([ebmlUint([0xb0], options.width), ebmlUint([0xba], options.height)]),
          ),
        ]
      : [];
  const tracks = ebml(
    [0x16, 0x54, 0xae, 0x6b],
    ebml([0xae], Buffer.concat([ebmlUint([0xd7], 1), ...video])),
  );
  const block = (offsetMs: number) => {
    const b = Buffer.alloc(4 + 64, 0x55);
    b.writeUInt8(0x81, 0); // track 1
    b.writeInt16BE(offsetMs, 1);
    b.writeUInt8(0x80, 3);
    return ebml([0xa3], b);
  };
  const totalMs = Math.round(seconds * 1000);
  const clusters = [0, Math.floor(totalMs / 2)].map((start, i, all) => {
    const end = all[i + 1] ?? totalMs;
    return ebml(
      [0x1f, 0x43, 0xb6, 0x75],
      Buffer.concat([ebmlUint([0xe7], start), block(0), block(end - start)]),
      options.recorder,
    );
  });
  const header = ebml(
    [0x1a, 0x45, 0xdf, 0xa3],
    Buffer.concat([ebml([0x42, 0x82], Buffer.from("webm"))]),
  );
  return Buffer.concat([
    header,
    ebml([0x18, 0x53, 0x80, 0x67], Buffer.concat([info, tracks, ...clusters]), options.recorder),
  ]);
}
