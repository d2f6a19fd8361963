// @vitest-environment happy-dom

import { loginRequestSchema as schema } from '@acompana/core';
import { act } from 'preact/test-utils';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../i18n/index.ts';
import { TextField } from '../../ui/Field.tsx';
import { ApiError } from './client.ts';
import { useFormSubmit } from './useFormSubmit.ts';

// The one submit flow of the account forms: the schema's messages go under their fields and
// the first refused field takes the focus; a refusal code mapped to a field goes there; any
// other refusal is the alert, in Spanish; a second submit while busy is ignored.

let root: Root | null = null;
let host: HTMLElement;
let sent: unknown[];
let answer: () => Promise<void>;

function Form() {
  const form = useFormSubmit({
    fields: ['dni', 'password'] as const,
    codeFields: { PASSWORD_TOO_SHORT: 'password' },
  });
  const onSubmit = form.onSubmit(async (element) => {
    const values = form.check(schema, element);
    if (!values) return;
    sent.push(values);
    await answer();
  });
  return (
    <form aria-busy={form.busy} onSubmit={onSubmit}>
      <TextField name="dni" label="DNI" inputRef={form.inputRef('dni')} error={form.fields.dni} />
      <TextField
        name="password"
        label="Contraseña"
        inputRef={form.inputRef('password')}
        error={form.fields.password}
        onChange={() => form.clear('password')}
      />
      <div role="alert">{form.alert}</div>
    </form>
  );
}

function mount() {
  sent = [];
  answer = async () => {};
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root?.render(<Form />));
}

afterEach(() => {
  act(() => root?.unmount());
  host.remove();
});

const input = (name: string) => host.querySelector(`input[name="${name}"]`) as HTMLInputElement;
const alertText = () => host.querySelector('[role="alert"]')?.textContent;
async function submit(values: Record<string, string>) {
  for (const [name, value] of Object.entries(values)) input(name).value = value;
  const form = host.querySelector('form') as HTMLFormElement;
  await act(async () => {
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
}

describe('useFormSubmit', () => {
  it('shows the schema’s messages under the fields and focuses the first one', async () => {
    mount();
    await submit({ dni: '12', password: '' });
    expect(input('dni').getAttribute('aria-invalid')).toBe('true');
    expect(input('password').getAttribute('aria-invalid')).toBe('true');
    expect(host.textContent).toContain('El DNI debe tener exactamente 8 dígitos.');
    expect(host.textContent).toContain('La contraseña es obligatoria.');
    expect(document.activeElement).toBe(input('dni'));
    expect(sent).toEqual([]);
    await submit({ dni: '12345678' });
    expect(document.activeElement).toBe(input('password'));
    expect(input('dni').hasAttribute('aria-invalid')).toBe(false);
  });

  it('puts a refusal mapped to a field under it, any other in the alert, in Spanish', async () => {
    mount();
    answer = async () => {
      throw new ApiError(422, 'PASSWORD_TOO_SHORT', 'x', null);
    };
    await submit({ dni: '12345678', password: 'corta' });
    expect(input('password').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(input('password'));
    expect(alertText()).toBe('');
    answer = async () => {
      throw new ApiError(401, 'INVALID_CREDENTIALS', 'x', null);
    };
    await submit({ password: 'larga y segura' });
    expect(input('password').hasAttribute('aria-invalid')).toBe(false);
    expect(alertText()).toBe('El DNI o la contraseña no son correctos.');
  });

  it('is busy while the answer is on its way and ignores a second submit', async () => {
    mount();
    let release = () => {};
    answer = () => new Promise<void>((resolve) => (release = resolve));
    await submit({ dni: '12345678', password: 'larga y segura' });
    expect(host.querySelector('form')?.getAttribute('aria-busy')).toBe('true');
    await submit({});
    expect(sent).toHaveLength(1);
    await act(async () => release());
    await vi.waitFor(() =>
      expect(host.querySelector('form')?.getAttribute('aria-busy')).toBe('false'),
    );
    await submit({});
    expect(sent).toHaveLength(2);
  });
});
