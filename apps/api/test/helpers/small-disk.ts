import { spawn } from "node:child_process";
import { mkdtemp, open, rm, rmdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A small tmpfs mounted in a private mount namespace, so a test can fill a real filesystem (ENOSPC from
 * the kernel, not a mock) without touching the machine's mounts. Processes started through `command`
 * see it at `dir`; the test reaches it through /proc/<holder>/root. Root (CI) uses a plain mount
 * namespace; anyone else an unprivileged user namespace.
 */
export interface SmallDisk {
  /** The mount point, as processes started through `command` see it. */
  dir: string;
  /** argv that runs `argv` in `cwd` inside the namespace (the API's pid stays the spawned one). */
  command: (argv: string[], cwd: string) => { file: string; args: string[] };
  /** The same directory as this (test) process reaches it. */
  hostPath(...segments: string[]): string;
  /** Writes a filler file until the kernel answers ENOSPC. */
  fill(): Promise<void>;
  /** Deletes the filler: the space is back. */
  free(): Promise<void>;
  /** Remounts it read-only or read-write, as a failing disk or an operator would. */
  remount(mode: "ro" | "rw"): Promise<void>;
  close(): Promise<void>;
}

const asRoot = process.getuid?.() === 0;

export async function mountSmallDisk(sizeMb: number): Promise<SmallDisk> {
  const dir = await mkdtemp(join(tmpdir(), "agents-crm-disk-"));
  const holder = spawn(
    "unshare",
    [
      ...(asRoot ? ["--mount"] : ["--user", "--map-root-user", "--mount"]),
      "sh",
      "-c",
      // The holder keeps the namespace (and the tmpfs) alive between API restarts.
      `mount -t tmpfs -o size=${sizeMb}m tmpfs "$0" && echo mounted && exec sleep 100000`,
      dir,
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  holder.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    holder.stdout.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("mounted")) resolve();
    });
    holder.on("error", reject);
    holder.on("exit", (code) =>
      reject(
        new Error(
          `cannot mount a ${sizeMb} MB tmpfs for the disk-full test (exit ${code}): ${output.trim()}. ` +
            "Run the tests as root or enable unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1).",
        ),
      ),
    );
  });
  const pid = holder.pid ?? 0;
  const enter = (argv: string[], cwd = "/") => ({
    file: "nsenter",
    args: [
      `--target=${pid}`,
      "--mount",
      // Entering a mount namespace resets the working directory to its root.
      `--wd=${cwd}`,
      ...(asRoot ? [] : ["--user", "--preserve-credentials"]),
      "--",
      ...argv,
    ],
  });
  const hostPath = (...segments: string[]) => join(`/proc/${pid}/root`, dir, ...segments);
  const filler = hostPath("filler");
  return {
    dir,
    command: enter,
    hostPath,
    async fill() {
      const file = await open(filler, "a");
      const chunk = Buffer.alloc(64 * 1024, 1);
      try {
        for (;;) await file.write(chunk);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOSPC") throw error;
      } finally {
        await file.close();
      }
    },
    free: () => rm(filler, { force: true }),
    async remount(mode) {
      const { file, args } = enter(["mount", "-o", `remount,${mode}`, dir]);
      const code = await new Promise((resolve) => spawn(file, args).on("exit", resolve));
      if (code !== 0) throw new Error(`remount ${mode} of ${dir} failed (exit ${String(code)})`);
    },
    async close() {
      const exited = new Promise((resolve) => holder.once("exit", resolve));
      if (holder.exitCode === null) holder.kill("SIGKILL");
      await exited;
      await rmdir(dir).catch(() => undefined);
    },
  };
}
