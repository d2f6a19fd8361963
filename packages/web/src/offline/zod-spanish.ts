// Zod's own messages in Spanish (@acompana/core/zod-locale) for the checks the device makes
// before queueing a record (saveRecord). Loaded on the first save, not at start: the login
// and home screens never show them, and their bytes count there (bench:bundle). A save never
// waits on it failing (a device offline before the app's files were all stored): the
// messages are then zod's English ones, and the next save tries again.

let loading: Promise<void> | null = null;

export function zodInSpanish(): Promise<void> {
  loading ??= import('@acompana/core/zod-locale').then(
    () => undefined,
    () => {
      loading = null;
    },
  );
  return loading;
}
