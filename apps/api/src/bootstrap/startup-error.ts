/** A start-up failure the operator fixes: main prints its message as one line, without a stack. */
export class StartupError extends Error {
  override name = "StartupError";
}
