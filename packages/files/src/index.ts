export * from "./file-store";
export { createLocalFileStore, readAll } from "./local-file-store";
export { createS3FileStore } from "./s3-file-store";
export type { S3FileStoreOptions } from "./s3-file-store";
export { inspectFile } from "./inspect-file";
export type { FileInspection, FileRefusal, InspectOptions, RefusalCode } from "./inspect-file";
export { sniffMimeType } from "./sniff-type";
export { imageSize } from "./image-size";
export { stripImageMetadata } from "./strip-image-metadata";
