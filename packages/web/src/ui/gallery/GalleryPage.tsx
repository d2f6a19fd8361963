import './gallery.css';
import { type ReactNode, useEffect, useState } from 'react';
import { Badge, type Tone } from '../Badge.tsx';
import { Button, ButtonLink, type ButtonVariant } from '../Button.tsx';
import { Card } from '../Card.tsx';
import { EmptyState } from '../EmptyState.tsx';
import { SelectField, TextareaField, TextField } from '../Field.tsx';
import { IconButton } from '../IconButton.tsx';
import {
  IconCalendar,
  IconCalendarCheck,
  IconCheck,
  IconClock,
  IconClose,
  IconCloudOff,
  IconHome,
  IconMore,
  IconRefresh,
  IconUser,
  IconUsers,
  IconWarning,
} from '../icons.ts';
import { CappedList, List, ListItem } from '../ListItem.tsx';
import { Notice } from '../Notice.tsx';
import { SegmentedControl } from '../SegmentedControl.tsx';
import { Sheet } from '../Sheet.tsx';
import { BottomNav, Chip, TopBar } from '../Shell.tsx';
import { Skeleton } from '../Skeleton.tsx';
import { Stat, StatGroup } from '../Stat.tsx';
import { Loading } from '../Status.tsx';
import { Switch } from '../Switch.tsx';
import { Tabs } from '../Tabs.tsx';
import { ToastProvider, useToast } from '../Toast.tsx';
import { FieldGroups } from './FieldGroups.tsx';
import { SAMPLES as S } from './samples.ts';

// Every component of the kit in every state, for reviewers and the E2E suite (axe and
// screenshots at 320 and 375 px). Only in development and E2E builds (App.tsx, docs/UI.md).

const COLOURS = [
  'text',
  'text-muted',
  'bg',
  'surface',
  'surface-sunken',
  'border',
  'border-strong',
  'brand',
  'brand-strong',
  'brand-soft',
  'on-brand',
  'focus',
  'danger',
  'danger-soft',
  'warning',
  'warning-soft',
  'success',
  'success-soft',
  'info',
  'info-soft',
  'neutral',
  'neutral-soft',
  'disabled',
  'disabled-soft',
  'chart-1',
  'chart-2',
  'chart-3',
  'chart-4',
  'chart-5',
  'chart-6',
  'chart-7',
  'chart-grid',
];
const VARIANTS: ButtonVariant[] = ['primary', 'secondary', 'quiet', 'danger'];
const TONES: Tone[] = ['neutral', 'info', 'success', 'warning', 'danger'];

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="gallery__section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function Overlays() {
  const [open, setOpen] = useState(false);
  const show = useToast();
  return (
    <div className="gallery__row">
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {S.openSheet}
      </Button>
      <Button variant="secondary" onClick={() => show(S.toast)}>
        {S.showToast}
      </Button>
      <Sheet
        open={open}
        alert
        onClose={() => setOpen(false)}
        title={S.sheetTitle}
        footer={
          <>
            <Button block onClick={() => setOpen(false)}>
              {S.sheetAction}
            </Button>
            <Button block variant="quiet" onClick={() => setOpen(false)}>
              {S.close}
            </Button>
          </>
        }
      >
        <p>{S.sheetBody}</p>
      </Sheet>
    </div>
  );
}

function Choices() {
  const [level, setLevel] = useState<string | null>('III');
  const [none, setNone] = useState<string | null>(null);
  const [on, setOn] = useState(true);
  const [off, setOff] = useState(false);
  return (
    <>
      <SegmentedControl
        label={S.rubric}
        options={S.rubricLevels}
        value={level}
        onChange={setLevel}
      />
      <SegmentedControl label={S.rubric} options={S.rubricLevels} value={none} onChange={setNone} />
      <SegmentedControl
        label={S.rubricDisabled}
        options={S.rubricLevels}
        value="II"
        onChange={() => undefined}
        disabled
      />
      <Tabs label={S.tabsLabel} tabs={S.tabs} />
      <div className="card">
        <Switch label={S.switchLabel} checked={on} onChange={setOn} stateText={on ? S.on : S.off} />
        <Switch
          label={S.switchLabel}
          checked={off}
          onChange={setOff}
          stateText={off ? S.on : S.off}
        />
      </div>
    </>
  );
}

export default function GalleryPage() {
  useEffect(() => {
    document.title = S.title;
  }, []);
  return (
    <ToastProvider>
      <main id="contenido" className="gallery" tabIndex={-1}>
        <h1>{S.title}</h1>
        <p className="lead">{S.intro}</p>

        <Section id="g-tokens" title={S.sections.tokens}>
          <ul className="gallery__swatches">
            {COLOURS.map((name) => (
              <li key={name} className="gallery__swatch">
                <span className={`gallery__chip gallery__chip--${name}`} />
                <code>{`--color-${name}`}</code>
              </li>
            ))}
          </ul>
          <p className="lead">{S.typeSample}</p>
          <p>{S.typeSample}</p>
          <p className="field__hint">{S.typeSample}</p>
        </Section>

        <Section id="g-buttons" title={S.sections.buttons}>
          {VARIANTS.map((variant) => (
            <div key={variant} className="gallery__row">
              <Button variant={variant} icon={IconCheck}>
                {S.variants[variant]}
              </Button>
              <Button variant={variant} disabled>
                {S.disabled}
              </Button>
              <Button variant={variant} loading loadingLabel={S.loading}>
                {S.variants[variant]}
              </Button>
            </div>
          ))}
          <Button block icon={IconCheck}>
            {S.block}
          </Button>
          <ButtonLink to="/galeria" variant="secondary" icon={IconCalendarCheck}>
            {S.emptyAction}
          </ButtonLink>
        </Section>

        <Section id="g-icon-buttons" title={S.sections.iconButtons}>
          <div className="gallery__row">
            <IconButton icon={IconClose} label={S.close} />
            <IconButton icon={IconRefresh} label={S.search} disabled />
          </div>
        </Section>

        <Section id="g-badges" title={S.sections.badges}>
          <div className="gallery__row">
            {TONES.map((tone) => (
              <Badge key={tone} tone={tone}>
                {S.badges[tone]}
              </Badge>
            ))}
          </div>
          <div className="gallery__row">
            <Chip
              tone="success"
              icon={IconCheck}
              label={S.chipLabel}
              text={S.chips.upToDate}
              onClick={() => undefined}
            />
            <Chip
              tone="warning"
              icon={IconClock}
              label={S.chipLabel}
              text={S.chips.unsent}
              onClick={() => undefined}
            />
            <Chip
              tone="neutral"
              icon={IconCloudOff}
              label={S.chipLabel}
              text={S.chips.offline}
              onClick={() => undefined}
            />
            <Chip
              tone="danger"
              icon={IconWarning}
              label={S.chipLabel}
              text={S.chips.failed}
              onClick={() => undefined}
            />
          </div>
        </Section>

        <Section id="g-cards" title={S.sections.cards}>
          <Card title={S.card.title} level={3}>
            <p>{S.card.body}</p>
          </Card>
          <Card
            title={S.warningCard.title}
            level={3}
            tone="warning"
            actions={<Button variant="secondary">{S.variants.secondary}</Button>}
          >
            <p>{S.warningCard.body}</p>
          </Card>
          <StatGroup>
            <Stat
              label={S.stats.teachers}
              value="14"
              trend={{ direction: 'up', text: S.stats.up }}
            />
            <Stat
              label={S.stats.visits}
              value="9"
              trend={{ direction: 'down', text: S.stats.down }}
            />
            <Stat
              label={S.stats.visits}
              value="12"
              trend={{ direction: 'flat', text: S.stats.flat }}
            />
          </StatGroup>
        </Section>

        <Section id="g-lists" title={S.sections.lists}>
          <List label={S.listLabel}>
            {S.rows.map((row, i) => (
              <ListItem
                key={row.title}
                to="/galeria"
                icon={IconUser}
                title={row.title}
                secondary={row.secondary}
                meta={row.meta}
                badge={<Badge tone={TONES[i + 1]}>{S.badges[TONES[i + 1] ?? 'neutral']}</Badge>}
              />
            ))}
            <ListItem title={S.staticRow.title} secondary={S.staticRow.secondary} />
          </List>
          <CappedList
            label={S.sections.lists}
            items={S.more.map((text) => <ListItem key={text} to="/galeria" title={text} />)}
          />
        </Section>

        <Section id="g-states" title={S.sections.states}>
          <EmptyState
            icon={IconCalendar}
            title={S.empty.title}
            action={
              <ButtonLink to="/galeria" icon={IconCalendarCheck}>
                {S.emptyAction}
              </ButtonLink>
            }
          >
            {S.empty.body}
          </EmptyState>
          <Skeleton lines={3} />
          <Loading />
          {/* The gallery is static: its notices are not announced (live={false}). */}
          <Notice live={false}>{S.notices.info}</Notice>
          <Notice tone="success" live={false}>
            {S.notices.success}
          </Notice>
          <Notice tone="warning" live={false} title={S.notices.warningTitle}>
            {S.notices.warning}
          </Notice>
          <Notice
            tone="error"
            live={false}
            action={<Button variant="secondary">{S.notices.retry}</Button>}
          >
            {S.notices.error}
          </Notice>
        </Section>

        <Section id="g-fields" title={S.sections.fields}>
          <form className="form" noValidate onSubmit={(event) => event.preventDefault()}>
            <TextField label={S.fields.dni} hint={S.fields.dniHint} inputMode="numeric" />
            <TextField
              label={S.fields.dni}
              hint={S.fields.dniHint}
              error={S.fields.dniError}
              defaultValue="1234"
            />
            <SelectField label={S.fields.level}>
              {S.fields.levels.map((level) => (
                <option key={level}>{level}</option>
              ))}
            </SelectField>
            <TextareaField label={S.fields.notes} error={S.fields.notesError} />
            <TextField label={S.fields.disabled} defaultValue={S.fields.disabledValue} disabled />
          </form>
        </Section>

        <Section id="g-groups" title={S.sections.groups}>
          <FieldGroups />
        </Section>

        <Section id="g-choices" title={S.sections.choices}>
          <Choices />
        </Section>

        <Section id="g-overlays" title={S.sections.overlays}>
          <Overlays />
        </Section>

        <Section id="g-shell" title={S.sections.shell}>
          <div className="gallery__frame">
            <TopBar brand={S.brand}>
              <Chip
                tone="warning"
                icon={IconClock}
                label={S.chipLabel}
                text={S.chips.unsent}
                onClick={() => undefined}
              />
            </TopBar>
            <BottomNav
              label={S.nav.label}
              items={[
                { to: '/galeria', label: S.nav.today, icon: IconHome },
                { to: '/galeria/docentes', label: S.nav.teachers, icon: IconUsers },
                { to: '/galeria/visitas', label: S.nav.visits, icon: IconCalendarCheck },
                { to: '/galeria/mas', label: S.nav.more, icon: IconMore },
              ]}
            />
          </div>
        </Section>
      </main>
    </ToastProvider>
  );
}
