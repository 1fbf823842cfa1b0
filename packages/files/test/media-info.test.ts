import { describe, expect, it } from "vitest";
import { inspectFile, mediaInfo } from "../src";
import { mp3, mp4, oggOpus, oggOpusVoice, pdf, webm } from "../src/testing/fixtures";

describe("mediaInfo: a recording's length (and a video's size) from its headers", () => {
  it("reads an Ogg Opus voice note's last granule position, less the pre-skip", () => {
    expect(mediaInfo(oggOpusVoice(7.4), "audio/ogg")).toEqual({ durationSec: 7.4 });
    expect(inspectFile(oggOpusVoice(12), { kind: "voice" })).toMatchObject({
      kind: "voice",
      mimeType: "audio/ogg",
      durationSec: 12,
    });
  });

  it("reads an MP3's LAME Info frame count, or its size at a constant bit rate", () => {
    expect(mediaInfo(mp3(95), "audio/mpeg").durationSec).toBeCloseTo(95, 0);
    expect(mediaInfo(mp3(3, true), "audio/mpeg").durationSec).toBeCloseTo(3, 0);
  });

  it("reads an MP4's movie header (moov after mdat) and its video track's size, turned for portrait", () => {
    expect(mediaInfo(mp4(31.5, { width: 1920, height: 1080 }), "video/mp4")).toEqual({
      durationSec: 31.5,
      width: 1920,
      height: 1080,
    });
    expect(mediaInfo(mp4(4, { width: 1920, height: 1080, portrait: true }), "video/mp4")).toEqual({
      durationSec: 4,
      width: 1080,
      height: 1920,
    });
    const m4a = mp4(63.2, { audioOnly: true });
    expect(inspectFile(m4a, { declaredType: "audio/mp4" })).toMatchObject({
      kind: "audio",
      mimeType: "audio/mp4",
      durationSec: 63.2,
    });
    expect(inspectFile(m4a).width).toBeUndefined();
  });

  it("reads a WebM's Duration and video size, and a MediaRecorder WebM's last block time", () => {
    expect(mediaInfo(webm(12.3, { width: 640, height: 480 }), "video/webm")).toEqual({
      durationSec: 12.3,
      width: 640,
      height: 480,
    });
    expect(mediaInfo(webm(9.5, { recorder: true }), "audio/webm")).toEqual({ durationSec: 9.5 });
    expect(inspectFile(webm(2, { width: 320, height: 240 }))).toMatchObject({
      kind: "video",
      mimeType: "video/webm",
      durationSec: 2,
      width: 320,
      height: 240,
    });
  });

  it("gives nothing for headers it cannot follow, cut files and other types — never throws", () => {
    expect(mediaInfo(oggOpus(), "audio/ogg")).toEqual({});
    expect(mediaInfo(mp4(5).subarray(0, 40), "video/mp4")).toEqual({});
    expect(mediaInfo(webm(5).subarray(0, 30), "video/webm")).toEqual({});
    expect(mediaInfo(Buffer.from([0xff, 0xfb]), "audio/mpeg")).toEqual({});
    expect(mediaInfo(pdf(), "application/pdf")).toEqual({});
    expect(inspectFile(pdf()).durationSec).toBeUndefined();
  });

  it("stays bounded on a hostile file: a 16 MB run of frame syncs is read in well under a second", () => {
    const syncs = Buffer.alloc(16 * 1024 * 1024, 0xff);
    const started = performance.now();
    for (const type of ["audio/mpeg", "audio/aac", "audio/ogg", "video/mp4", "video/webm"])
      mediaInfo(syncs, type);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
