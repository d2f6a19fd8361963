// The offline store and sync engine without React or browser UI (usable from Node tests and
// tools). Screens import the React hooks from ./hooks.ts.

export * from './db.ts';
export * from './engine.ts';
export * from './pull.ts';
export * from './push.ts';
export * from './store.ts';
export * from './transport.ts';
