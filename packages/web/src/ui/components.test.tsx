// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import '../app/i18n/index.ts';
import { Badge } from './Badge.tsx';
import { Button, ButtonLink } from './Button.tsx';
import { Card } from './Card.tsx';
import { EmptyState } from './EmptyState.tsx';
import { IconButton } from './IconButton.tsx';
import { IconUsers } from './icons.ts';
import { CappedList, List, ListItem } from './ListItem.tsx';
import { dom, html, nameOf } from './render-markup.tsx';
import { BottomNav, Chip, isCurrent, type NavItem, SideNav, TopBar } from './Shell.tsx';
import { Skeleton } from './Skeleton.tsx';
import { Stat, StatGroup } from './Stat.tsx';

// The accessibility contracts of each component, read from the markup it renders: roles,
// names, descriptions, states, and decorative icons hidden from assistive technology.
// (Form fields and controls: fields.test.tsx.)

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
