import type { AccessEntry } from '@acompana/core';

// One person's phone syncing three times in a minute is three audit events, and one line for
// the teacher reading «Quién consultó mi información»: the same reader, roles, action and visit
// within one minute, one after another, are shown once with how many times.

export interface ShownEntry {
  entry: AccessEntry;
  times: number;
}

// A reader no longer known (null) may be anyone: two such reads are never taken for one.
const sameRead = (a: AccessEntry, b: AccessEntry) =>
  a.reader != null &&
  a.reader.id === b.reader?.id &&
  a.action === b.action &&
  a.access === b.access &&
  a.visitId === b.visitId &&
  a.roles.join() === b.roles.join() &&
  Math.floor(Date.parse(a.at) / 60_000) === Math.floor(Date.parse(b.at) / 60_000);

/** Consecutive repeats folded into their newest entry (the list is newest first). */
export function foldRepeats(entries: readonly AccessEntry[]): ShownEntry[] {
  const out: ShownEntry[] = [];
  for (const entry of entries) {
    const last = out.at(-1);
    if (last && sameRead(last.entry, entry)) last.times++;
    else out.push({ entry, times: 1 });
  }
  return out;
}
