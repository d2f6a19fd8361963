// Who may start the app offline on this device: the last person signed in (their cached
// profile opens their local data without the network). Cleared at every logout, so the next
// person to pick up a shared phone meets the login page, never the previous person's work.
// Kept apart from device.ts (which carries Dexie) so the session code can clear it at once.

const LAST_PERSON = 'acompana.lastPerson';

export function lastPersonId(): string | null {
  try {
    return localStorage.getItem(LAST_PERSON);
  } catch {
    return null;
  }
}

export function rememberPerson(personId: string | null): void {
  try {
    if (personId) localStorage.setItem(LAST_PERSON, personId);
    else localStorage.removeItem(LAST_PERSON);
  } catch {
    // Private mode without storage: the app then simply needs the network to start.
  }
}
