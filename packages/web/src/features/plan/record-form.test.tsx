// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { act } from 'preact/test-utils';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadTexts } from '../../app/i18n/index.ts';
import { type LocalDb, openLocalDb } from '../../offline/db.ts';
import { type Offline, OfflineContext } from '../../offline/OfflineProvider.tsx';
import { ToastProvider } from '../../ui/Toast.tsx';
import { useYearRecordForm } from './record-form.ts';

// The diagnosis and the plan share their form's saving: nothing is saved while the draft is
// blocked; once it is not, the record and its outbox entry are written on the device, the sync
// is nudged, a toast says so, and the next save edits the same record (no second one).

const TEACHER = '0190a000-0000-7000-8000-000000000001';
const SCHOOL = '0190a000-0000-7000-8000-0000000000b1';
let db: LocalDb;
let root: Root | null = null;
let host: HTMLElement;
let n = 0;
const nudge = vi.fn();

beforeAll(() => loadTexts('plan'));
beforeEach(async () => {
  db = openLocalDb(`record-form-${++n}-${Date.now()}`);
  await db.open();
  nudge.mockClear();
});
afterEach(async () => {
  act(() => root?.unmount());
  host?.remove();
  root = null;
  await db.delete();
});

function Form() {
  const { draft, update, attempted, recordId, onSubmit } = useYearRecordForm({
    kind: 'diagnosis',
    recordId: null,
    initial: () => ({ note: '' }),
    blocked: (current) => current.note === '',
    toRecord: (current) => ({
      teacherId: TEACHER,
      schoolYear: 2026,
      schoolId: SCHOOL,
      visitId: null,
      practiceStrengths: [current.note],
      practiceWeaknesses: [],
      managementStrengths: [],
      managementWeaknesses: [],
      learningBaseline: [],
    }),
  });
  return (
    <form onSubmit={onSubmit}>
      <input
        aria-label="nota"
        value={draft.note}
        onInput={(e) => update({ note: e.currentTarget.value })}
      />
      <p data-testid="state">{`${attempted ? 'attempted' : 'fresh'} ${recordId ?? 'none'}`}</p>
      <button type="submit">Guardar</button>
    </form>
  );
}

function render() {
  const offline = { db, online: true, nudge, status: { phase: 'idle' } } as unknown as Offline;
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() =>
    root?.render(
      <OfflineContext.Provider value={{ current: offline, ready: Promise.resolve(offline) }}>
        <ToastProvider>
          <Form />
        </ToastProvider>
      </OfflineContext.Provider>,
    ),
  );
}

const submit = () =>
  act(() => {
    host.querySelector('button')?.click();
  });
const type = (value: string) =>
  act(() => {
    const input = host.querySelector('input') as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
const state = () => host.querySelector('[data-testid="state"]')?.textContent ?? '';

describe('useYearRecordForm', () => {
  it('saves nothing while blocked, then one record edited in place, with a toast', async () => {
    render();
    await submit();
    expect(state()).toBe('attempted none');
    expect(await db.records.count()).toBe(0);
    expect(nudge).not.toHaveBeenCalled();

    type('Buen clima de aula');
    await submit();
    await vi.waitFor(() => expect(state()).not.toContain('none'));
    const records = await db.records.toArray();
    expect(records).toHaveLength(1);
    expect(records[0]?.kind).toBe('diagnosis');
    expect(state()).toBe(`attempted ${records[0]?.id}`);
    expect(
      (records[0]?.data as { practiceStrengths: string[] } | undefined)?.practiceStrengths,
    ).toEqual(['Buen clima de aula']);
    expect(await db.outbox.count()).toBeGreaterThan(0);
    expect(nudge).toHaveBeenCalled();
    expect(host.querySelector('.toasts')?.textContent).not.toBe('');

    type('Usa material concreto');
    await submit();
    await vi.waitFor(async () => {
      const again = await db.records.toArray();
      expect(again).toHaveLength(1);
      expect(
        (again[0]?.data as { practiceStrengths: string[] } | undefined)?.practiceStrengths,
      ).toEqual(['Usa material concreto']);
    });
  });
});
