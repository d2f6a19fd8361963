// @vitest-environment happy-dom
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import '../app/i18n/index.ts';
import { ApiError } from '../app/api/client.ts';
import { Button } from './Button.tsx';
import { FormAlert, Notice } from './Notice.tsx';
import { ErrorNotice } from './Status.tsx';

// A notice says what it means in words and an icon as well as colour, is announced as an
// alert (errors) or a status (the rest) unless told otherwise, and carries its action.

function dom(element: ReactElement): Document {
  const markup = renderToStaticMarkup(element);
  return new DOMParser().parseFromString(`<body>${markup}</body>`, 'text/html');
}

function notice(doc: Document): Element {
  const el = doc.querySelector('.notice');
  if (!el) throw new Error('no notice rendered');
  return el;
}

describe('Notice', () => {
  it('an error is an alert; info, success and warning are statuses', () => {
    const roles = (['error', 'info', 'success', 'warning'] as const).map((tone) => {
      const el = notice(dom(<Notice tone={tone}>Texto</Notice>));
      return [tone, el.getAttribute('role'), el.classList.contains(`notice--${tone}`)];
    });
    expect(roles).toEqual([
      ['error', 'alert', true],
      ['info', 'status', true],
      ['success', 'status', true],
      ['warning', 'status', true],
    ]);
    expect(notice(dom(<Notice>Texto</Notice>)).className).toBe('notice notice--info');
  });

  it('the live role can be chosen or left out (inside a live region, or static content)', () => {
    expect(
      notice(
        dom(
          <Notice tone="warning" live="alert">
            Poco espacio
          </Notice>,
        ),
      ).getAttribute('role'),
    ).toBe('alert');
    const quiet = notice(
      dom(
        <Notice tone="error" live={false}>
          Falló
        </Notice>,
      ),
    );
    expect(quiet.hasAttribute('role')).toBe(false);
  });

  it('never colour alone: every tone has its own decorative icon beside the words', () => {
    const icons = (['error', 'info', 'success', 'warning'] as const).map((tone) => {
      const el = notice(dom(<Notice tone={tone}>Texto visible</Notice>));
      const svg = el.querySelector('.notice__icon svg');
      expect(svg?.getAttribute('aria-hidden')).toBe('true');
      expect(el.textContent).toBe('Texto visible');
      return svg?.getAttribute('class');
    });
    expect(new Set(icons).size).toBe(4);
  });

  it('shows its title, message, action and id in that order', () => {
    const doc = dom(
      <Notice
        tone="warning"
        title="Sin conexión"
        id="aviso"
        action={<Button variant="secondary">Reintentar</Button>}
      >
        <p>Se volverá a intentar.</p>
      </Notice>,
    );
    const el = notice(doc);
    expect(el.id).toBe('aviso');
    const body = el.querySelector('.notice__body');
    expect([...(body?.children ?? [])].map((child) => child.textContent)).toEqual([
      'Sin conexión',
      'Se volverá a intentar.',
      'Reintentar',
    ]);
    expect(body?.querySelector('.notice__title')?.textContent).toBe('Sin conexión');
    expect(body?.querySelector('.notice__action button')?.getAttribute('type')).toBe('button');
  });
});

describe('ErrorNotice (built on Notice)', () => {
  it('an alert with the Spanish message and a retry only when trying again may help', () => {
    const retryable = notice(dom(<ErrorNotice error={new Error('x')} onRetry={() => {}} />));
    expect(retryable.getAttribute('role')).toBe('alert');
    expect(retryable.classList.contains('notice--error')).toBe(true);
    expect(retryable.querySelector('.notice__action button')?.textContent).toBe('Reintentar');

    const refused = new ApiError(403, 'FORBIDDEN', 'forbidden');
    const final = notice(dom(<ErrorNotice error={refused} onRetry={() => {}} />));
    expect(final.querySelector('button')).toBeNull();
    expect(final.textContent?.trim()).not.toBe('');
  });
});

describe('FormAlert', () => {
  it('is a live region from the start and holds one error notice, not announced twice', () => {
    const empty = dom(<FormAlert message={null} />);
    expect(empty.querySelector('[role="alert"]')).not.toBeNull();
    expect(empty.querySelector('.notice')).toBeNull();

    const refused = dom(<FormAlert message="DNI o contraseña incorrectos." />);
    const region = refused.querySelector('[role="alert"]');
    const el = notice(refused);
    expect(region?.contains(el)).toBe(true);
    expect(el.classList.contains('notice--error')).toBe(true);
    expect(el.hasAttribute('role')).toBe(false);
    expect(el.textContent).toContain('DNI o contraseña incorrectos.');
  });
});
