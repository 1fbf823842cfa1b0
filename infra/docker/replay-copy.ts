import { chownSync, cpSync, existsSync, lstatSync, mkdirSync, readdirSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/**
 * COPY as Docker performs it, inside a stage's root directory: a directory source copies its contents,
 * a file lands in the destination directory when the destination ends with `/` (or there are several
 * sources), and with --chown every copied entry and every directory the COPY had to create gets that owner.
 */
export interface Owner {
  uid: number;
  gid: number;
}

/** The base image's users: `node` is 1000:1000 in the official Node images. */
const USERS: Record<string, number> = { root: 0, node: 1000 };

export function ownerOf(spec: string): Owner {
  const [user = "", group = user] = spec.split(":");
  const id = (name: string) => {
    if (/^\d+$/.test(name)) return Number(name);
    const known = USERS[name];
    if (known === undefined) throw new Error(`unknown user or group "${name}" in --chown`);
    return known;
  };
  return { uid: id(user), gid: id(group) };
}

function chownTree(path: string, owner: Owner): void {
  chownSync(path, owner.uid, owner.gid);
  if (lstatSync(path).isDirectory()) {
    for (const entry of readdirSync(path)) chownTree(join(path, entry), owner);
  }
}

/** The directories mkdir -p would create for `dir`, outermost first. */
function missingDirectories(dir: string): string[] {
  const missing: string[] = [];
  for (let d = dir; !existsSync(d); d = dirname(d)) missing.unshift(d);
  return missing;
}

export interface CopyRequest {
  /** Absolute host paths of the sources. */
  sources: string[];
  /** Absolute host path of the destination; `toDirectory` when the Dockerfile's ends with `/`. */
  destination: string;
  toDirectory: boolean;
  owner?: Owner;
}

export function dockerCopy(request: CopyRequest): void {
  const { sources, destination, owner } = request;
  const intoDirectory = request.toDirectory || sources.length > 1;
  for (const source of sources) {
    if (!existsSync(source)) throw new Error(`COPY source not found: ${source}`);
    const isDirectory = lstatSync(source).isDirectory();
    const target =
      isDirectory || !intoDirectory ? destination : join(destination, basename(source));
    const created = missingDirectories(isDirectory ? target : dirname(target));
    mkdirSync(isDirectory ? target : dirname(target), { recursive: true });
    const copied = isDirectory ? readdirSync(source).map((e) => join(target, e)) : [target];
    cpSync(source, target, { recursive: true, verbatimSymlinks: true });
    if (owner) {
      for (const dir of created) chownSync(dir, owner.uid, owner.gid);
      for (const entry of copied) chownTree(entry, owner);
    }
  }
}
