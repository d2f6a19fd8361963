/**
 * Reads again until `ready` holds, for up to a minute, and returns the last read.
 *
 * Pull holds back changes newer than the oldest transaction still running anywhere in the
 * PostgreSQL cluster (never skips them). The test files share one cluster, so another file's
 * transaction (a template copy, an import under CI load) can hold a pull back for seconds; a
 * short window made tests fail on a busy machine. Callers still assert what they read.
 */
export async function readUntil<T>(
  read: () => Promise<T>,
  ready: (value: T) => boolean,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!ready(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}
