// @vitest-environment happy-dom
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import '../app/i18n/index.ts';
import { Badge } from './Badge.tsx';
import { Button, ButtonLink } from './Button.tsx';
import { Card } from './Card.tsx';
import { EmptyState } from './EmptyState.tsx';
import { Field, NumberField, SelectField, TextareaField, TextField } from './Field.tsx';
import { FieldGrid, FieldGroup } from './FieldGroup.tsx';
import { IconButton } from './IconButton.tsx';
import { IconUsers } from './icons.ts';
import { CappedList, List, ListItem } from './ListItem.tsx';
import { SegmentedControl } from './SegmentedControl.tsx';
import { BottomNav, Chip, isCurrent, type NavItem, SideNav, TopBar } from './Shell.tsx';
import { Skeleton } from './Skeleton.tsx';
import { Stat, StatGroup } from './Stat.tsx';
import { Switch } from './Switch.tsx';
import { Tabs } from './Tabs.tsx';

// The accessibility contracts of each component, read from the markup it renders: roles,
// names, descriptions, states, and decorative icons hidden from assistive technology.

function html(element: ReactElement, path = '/'): string {
  return renderToStaticMarkup(<MemoryRouter initialEntries={[path]}>{element}</MemoryRouter>);
}

function dom(element: ReactElement, path = '/'): Document {
  return new DOMParser().parseFromString(`<body>${html(element, path)}</body>`, 'text/html');
}

/** Accessible name from aria-labelledby / aria-label / text (enough for these components). */
function nameOf(doc: Document, el: Element): string {
  const ids = el.getAttribute('aria-labelledby');
  if (ids)
    return ids
      .split(' ')
      .map((id) => doc.getElementById(id)?.textContent ?? '')
      .join(' ');
  return el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '';
}

describe('Button and ButtonLink', () => {
  it('renders a real button of the variant, type="button" by default, with a visible label', () => {
    const doc = dom(<Button variant="danger">Eliminar</Button>);
    const button = doc.querySelector('button');
    expect(button?.getAttribute('type')).toBe('button');
    expect(button?.className).toBe('button button--danger');
    expect(button?.textContent).toBe('Eliminar');
  });

  it('loading disables it, marks it busy and swaps the label; icons stay hidden', () => {
    const doc = dom(
      <Button loading loadingLabel="Guardando…" icon={IconUsers}>
        Guardar
      </Button>,
    );
    const button = doc.querySelector('button');
    expect(button?.hasAttribute('disabled')).toBe(true);
    expect(button?.getAttribute('aria-busy')).toBe('true');
    expect(button?.textContent).toBe('Guardando…');
    expect(doc.querySelector('.spinner')?.getAttribute('aria-hidden')).toBe('true');
  });

  it('disabled is a real disabled attribute (styled grey by the kit)', () => {
    const button = dom(<Button disabled>Enviar</Button>).querySelector('button');
    expect(button?.hasAttribute('disabled')).toBe(true);
    expect(button?.hasAttribute('aria-busy')).toBe(false);
  });

  it('ButtonLink is a link styled as a button, its icon hidden', () => {
    const doc = dom(
      <ButtonLink to="/visitas/nueva" icon={IconUsers} variant="secondary">
        Programar visita
      </ButtonLink>,
    );
    const link = doc.querySelector('a');
    expect(link?.getAttribute('href')).toBe('/visitas/nueva');
    expect(link?.className).toBe('button button--secondary');
    expect(link?.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
  });
});

describe('IconButton', () => {
  it('is named by its required label', () => {
    const button = dom(<IconButton icon={IconUsers} label="Cerrar" />).querySelector('button');
    expect(button?.getAttribute('aria-label')).toBe('Cerrar');
    expect(button?.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
  });

  it('refuses an empty label', () => {
    expect(() => html(<IconButton icon={IconUsers} label=" " />)).toThrow(/label/);
  });
});

describe('Card', () => {
  it('with a title is a region labelled by its heading at the given level', () => {
    const doc = dom(
      <Card title="Mi institución" level={3}>
        x
      </Card>,
    );
    const section = doc.querySelector('section');
    const heading = doc.querySelector('h3');
    expect(section?.getAttribute('aria-labelledby')).toBe(heading?.id);
    expect(heading?.textContent).toBe('Mi institución');
  });
});

describe('List and ListItem', () => {
  it('a row with `to` is ONE link named by its title and described by the rest', () => {
    const doc = dom(
      <List label="Visitas de hoy">
        <ListItem
          to="/visitas/1"
          title="Ana Quispe"
          secondary="IE N° 80412"
          meta="3 de marzo"
          badge={<Badge tone="warning">vencido</Badge>}
        />
      </List>,
    );
    expect(doc.querySelector('ul')?.getAttribute('aria-label')).toBe('Visitas de hoy');
    const links = doc.querySelectorAll('a');
    expect(links).toHaveLength(1);
    const link = links[0] as Element;
    expect(link.getAttribute('href')).toBe('/visitas/1');
    expect(nameOf(doc, link)).toBe('Ana Quispe');
    const details = doc.getElementById(link.getAttribute('aria-describedby') ?? '');
    expect(details?.textContent).toBe('IE N° 80412' + '3 de marzo' + 'vencido');
    expect(link.querySelector('.list-item__chevron svg')?.getAttribute('aria-hidden')).toBe('true');
  });

  it('a row without `to` is static: no link, no chevron', () => {
    const doc = dom(
      <List label="x">
        <ListItem title="Sin enlace" />
      </List>,
    );
    expect(doc.querySelector('a')).toBeNull();
    expect(doc.querySelector('.list-item__chevron')).toBeNull();
  });

  it('CappedList shows the first rows and a button for the rest', () => {
    const titles = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const items = titles.map((title) => <ListItem key={title} title={title} />);
    const doc = dom(<CappedList label="Filas" items={items} shown={5} />);
    expect(doc.querySelectorAll('li')).toHaveLength(5);
    expect(doc.querySelector('button')?.textContent).toBe('Ver 2 más');
  });
});

describe('Badge, Stat, EmptyState, Skeleton', () => {
  it('a badge carries its state in words, the icon is decoration', () => {
    const doc = dom(<Badge tone="danger">vencido</Badge>);
    const badge = doc.querySelector('.badge');
    expect(badge?.className).toBe('badge badge--danger');
    expect(badge?.textContent).toBe('vencido');
    expect(badge?.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
  });

  it('a stat is a term and its value, with the trend in words', () => {
    const doc = dom(
      <StatGroup>
        <Stat label="Docentes" value="14" trend={{ direction: 'up', text: '+2 desde agosto' }} />
      </StatGroup>,
    );
    expect(doc.querySelector('dl dt')?.textContent).toBe('Docentes');
    const values = [...doc.querySelectorAll('dl dd')].map((dd) => dd.textContent);
    expect(values).toEqual(['14', '+2 desde agosto']);
  });

  it('an empty state says what is empty, with the action', () => {
    const doc = dom(
      <EmptyState
        title="No hay visitas hoy"
        action={<ButtonLink to="/visitas/nueva">Programar</ButtonLink>}
      >
        Programa la próxima.
      </EmptyState>,
    );
    expect(doc.querySelector('.empty-state__title')?.textContent).toBe('No hay visitas hoy');
    expect(doc.querySelector('.empty-state a')?.getAttribute('href')).toBe('/visitas/nueva');
  });

  it('a skeleton is one busy status with a spoken label and hidden lines', () => {
    const doc = dom(<Skeleton lines={2} />);
    const status = doc.querySelector('[role="status"]');
    expect(status?.getAttribute('aria-busy')).toBe('true');
    expect(status?.textContent).toBe('Cargando…');
    expect(doc.querySelectorAll('.skeleton__line[aria-hidden="true"]')).toHaveLength(2);
  });
});

describe('Field wrappers', () => {
  it('ties label, hint and error to the control and marks it invalid', () => {
    const doc = dom(
      <TextField id="dni" label="DNI" hint="8 dígitos" error="Falta el DNI" name="dni" />,
    );
    const input = doc.querySelector('input');
    expect(doc.querySelector('label')?.getAttribute('for')).toBe('dni');
    expect(input?.id).toBe('dni');
    expect(input?.getAttribute('aria-invalid')).toBe('true');
    const described = (input?.getAttribute('aria-describedby') ?? '').split(' ');
    expect(described.map((id) => doc.getElementById(id)?.textContent)).toEqual([
      '8 dígitos',
      'Falta el DNI',
    ]);
  });

  it('without hint or error the control has no dangling references', () => {
    const input = dom(<TextField label="Nombre" />).querySelector('input');
    expect(input?.hasAttribute('aria-describedby')).toBe(false);
    expect(input?.hasAttribute('aria-invalid')).toBe(false);
  });

  it('select and textarea get the same wiring; Field takes any control', () => {
    const doc = dom(
      <>
        <SelectField label="Nivel" hint="Del padrón">
          <option>Primaria</option>
        </SelectField>
        <TextareaField label="Notas" error="Muy largo" />
        <Field label="Fecha">{(control) => <input type="date" {...control} />}</Field>
      </>,
    );
    for (const control of doc.querySelectorAll('select, textarea, input')) {
      expect(doc.querySelector(`label[for="${control.id}"]`)).not.toBeNull();
    }
    expect(doc.querySelector('select')?.getAttribute('aria-describedby')).toMatch(/-hint$/);
    expect(doc.querySelector('textarea')?.getAttribute('aria-invalid')).toBe('true');
  });

  it('a field whose message is shown by its row is invalid and described by that message', () => {
    const doc = dom(
      <>
        <p id="row-errors">Hay 12 estudiantes en niveles y solo 10 en el aula.</p>
        <NumberField id="n" label="En inicio" hint="0 a 200" invalid describedBy="row-errors" />
        <NumberField id="m" label="En proceso" invalid={false} narrow />
      </>,
    );
    const n = doc.getElementById('n');
    expect(n?.getAttribute('type')).toBe('number');
    expect(n?.getAttribute('inputmode')).toBe('numeric');
    expect(n?.getAttribute('aria-invalid')).toBe('true');
    expect(n?.getAttribute('aria-describedby')).toBe('n-hint row-errors');
    const m = doc.getElementById('m');
    expect(m?.hasAttribute('aria-invalid')).toBe(false);
    expect(m?.closest('.field')?.classList.contains('field--inline')).toBe(true);
  });
});

describe('FieldGroup', () => {
  it('names rows and nested groups by their legend and describes them by hint and extras', () => {
    const doc = dom(
      <FieldGroup legend="Línea de base" hint="Por área y grado" describedBy="count">
        <FieldGroup variant="row" legend="Área 1">
          <FieldGrid>
            <TextField label="Área curricular" />
          </FieldGrid>
          <FieldGroup variant="nested" legend="Estudiantes por nivel">
            <FieldGrid pair>
              <NumberField label="En inicio" />
            </FieldGrid>
          </FieldGroup>
        </FieldGroup>
        <p id="count">2 áreas</p>
      </FieldGroup>,
    );
    const [outer, row, nested] = [...doc.querySelectorAll('fieldset')];
    expect(outer?.className).toBe('field-group');
    expect(row?.className).toBe('rule');
    expect(nested?.className).toBe('field-group field-group--nested');
    expect([outer, row, nested].map((f) => f?.querySelector('legend')?.textContent)).toEqual([
      'Línea de base',
      'Área 1',
      'Estudiantes por nivel',
    ]);
    const described = (outer?.getAttribute('aria-describedby') ?? '').split(' ');
    expect(described.map((id) => doc.getElementById(id)?.textContent)).toEqual([
      'Por área y grado',
      '2 áreas',
    ]);
    expect(row?.hasAttribute('aria-describedby')).toBe(false);
    expect(doc.querySelectorAll('.rule__grid, .field-pair')).toHaveLength(2);
  });
});

describe('SegmentedControl, Tabs, Switch', () => {
  const levels = ['I', 'II', 'III', 'IV'].map((label) => ({ value: label, label }));

  it('the segmented control is a labelled radio group with one tab stop on the checked segment', () => {
    const doc = dom(
      <SegmentedControl label="Nivel" options={levels} value="III" onChange={() => undefined} />,
    );
    const group = doc.querySelector('[role="radiogroup"]') as Element;
    expect(nameOf(doc, group)).toBe('Nivel');
    const radios = [...doc.querySelectorAll('[role="radio"]')];
    expect(radios.map((r) => r.getAttribute('aria-checked'))).toEqual([
      'false',
      'false',
      'true',
      'false',
    ]);
    expect(radios.map((r) => r.getAttribute('tabindex'))).toEqual(['-1', '-1', '0', '-1']);
  });

  it('with nothing checked the first segment is the tab stop', () => {
    const doc = dom(
      <SegmentedControl label="Nivel" options={levels} value={null} onChange={() => undefined} />,
    );
    expect(
      [...doc.querySelectorAll('[role="radio"]')].map((r) => r.getAttribute('tabindex')),
    ).toEqual(['0', '-1', '-1', '-1']);
  });

  it('tabs: a named tablist, the selected tab controls its labelled panel', () => {
    const doc = dom(
      <Tabs
        label="Secciones"
        tabs={[
          { id: 'a', label: 'Antes', panel: 'A' },
          { id: 'b', label: 'Durante', panel: 'B' },
        ]}
      />,
    );
    expect(doc.querySelector('[role="tablist"]')?.getAttribute('aria-label')).toBe('Secciones');
    const [first, second] = [...doc.querySelectorAll('[role="tab"]')];
    expect(first?.getAttribute('aria-selected')).toBe('true');
    expect(second?.getAttribute('tabindex')).toBe('-1');
    const panel = doc.getElementById(first?.getAttribute('aria-controls') ?? '');
    expect(panel?.getAttribute('role')).toBe('tabpanel');
    expect(panel?.getAttribute('aria-labelledby')).toBe(first?.id);
    expect(
      doc.getElementById(second?.getAttribute('aria-controls') ?? '')?.hasAttribute('hidden'),
    ).toBe(true);
  });

  it('a switch exposes its state through aria-checked', () => {
    const button = dom(
      <Switch label="Alto contraste" checked stateText="Activado" onChange={() => undefined} />,
    ).querySelector('button');
    expect(button?.getAttribute('role')).toBe('switch');
    expect(button?.getAttribute('aria-checked')).toBe('true');
    expect(button?.querySelector('.switch__label')?.textContent).toBe('Alto contraste');
  });
});

describe('shell pieces', () => {
  const items: NavItem[] = [
    { to: '/', label: 'Hoy', icon: IconUsers },
    { to: '/docentes', label: 'Docentes', icon: IconUsers },
    { to: '/visitas', label: 'Visitas', icon: IconUsers },
  ];

  it('the bottom nav is a named navigation marking the current page', () => {
    const doc = dom(<BottomNav label="Navegación principal" items={items} />, '/visitas/123');
    expect(doc.querySelector('nav')?.getAttribute('aria-label')).toBe('Navegación principal');
    const current = [...doc.querySelectorAll('a')].filter(
      (a) => a.getAttribute('aria-current') === 'page',
    );
    expect(current.map((a) => a.textContent)).toEqual(['Visitas']);
    expect(doc.querySelectorAll('a svg[aria-hidden="true"]')).toHaveLength(3);
  });

  it('refuses more than five items', () => {
    const six = Array.from({ length: 6 }, (_, i) => ({
      to: `/${i}`,
      label: `${i}`,
      icon: IconUsers,
    }));
    expect(() => html(<BottomNav label="x" items={six} />)).toThrow(/5/);
  });

  it('the most specific item is current; the home only at its own path', () => {
    const progress: NavItem = { to: '/docentes/7/progreso', label: 'Mi progreso', icon: IconUsers };
    const doc = dom(<SideNav label="Nav" items={[...items, progress]} />, '/docentes/7/progreso');
    const current = [...doc.querySelectorAll('a[aria-current="page"]')].map((a) => a.textContent);
    expect(current).toEqual(['Mi progreso']);
    expect(isCurrent(items[0] as NavItem, '/docentes')).toBe(false);
    expect(
      isCurrent(
        { ...(items[0] as NavItem), alsoAt: (p) => p.startsWith('/inicio/') },
        '/inicio/docente',
      ),
    ).toBe(true);
  });

  it('the top bar is the banner with a home link; the chip names its subject and state', () => {
    const doc = dom(
      <TopBar brand="Acompaña">
        <Chip
          tone="warning"
          icon={IconUsers}
          label="Sincronización"
          text="2 sin enviar"
          onClick={() => undefined}
        />
      </TopBar>,
    );
    expect(doc.querySelector('header a')?.getAttribute('href')).toBe('/');
    const chip = doc.querySelector('button.chip');
    expect(chip?.getAttribute('aria-label')).toBe('Sincronización: 2 sin enviar');
    expect(chip?.getAttribute('aria-haspopup')).toBe('dialog');
    expect(chip?.textContent).toContain('2 sin enviar');
  });
});
