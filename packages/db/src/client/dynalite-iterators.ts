import { createRequire } from "node:module";

interface IteratorPrototype {
  close(): Promise<void>;
  return?: () => Promise<void>;
}

/**
 * dynalite 4.0.0 reads Query and Scan results through an abstract-level iterator and, when the stream
 * ends, closes it only through `iterator.return()`. abstract-level 3 iterators have `close()` and no
 * `return()`, so every Query and Scan left a LevelDB iterator open — a snapshot pinning native memory
 * and an object held by the database for good (the soak bench measured ~30 MB a minute). Giving the
 * iterators `return()` lets dynalite's own clean-up close them.
 */
export function closeDynaliteIterators(): void {
  const fromDynalite = createRequire(createRequire(import.meta.url).resolve("dynalite"));
  // On disk (`level`) and in memory (`memory-level`); usually one shared copy of abstract-level.
  for (const engine of ["level", "memory-level"]) {
    const fromEngine = createRequire(fromDynalite.resolve(engine));
    const iterators = fromEngine("abstract-level") as Record<
      "AbstractIterator" | "AbstractKeyIterator" | "AbstractValueIterator",
      { prototype: IteratorPrototype }
    >;
    // dynalite iterates values (`db.values()`); keys and entries have classes of their own.
    for (const kind of [
      iterators.AbstractIterator,
      iterators.AbstractKeyIterator,
      iterators.AbstractValueIterator,
    ]) {
      if (typeof kind.prototype.return === "function") continue;
      Object.defineProperty(kind.prototype, "return", {
        value: function (this: IteratorPrototype) {
          return this.close();
        },
        configurable: true,
        writable: true,
      });
    }
  }
}
