import { type ReactNode, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { BackLink } from '../../ui/BackLink.tsx';
import { Button, ButtonLink } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { FieldGroup } from '../../ui/FieldGroup.tsx';
import { IconCalendar, IconClipboard } from '../../ui/icons.ts';
import { List, ListItem } from '../../ui/ListItem.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import type { Access } from './model.ts';
import { removeAt, setLine } from './model.ts';

// Pieces shared by the diagnosis and plan screens.

let nextKey = 1;

interface LineListProps {
  id: string;
  legend: string;
  lines: string[];
  onChange: (lines: string[]) => void;
  hint?: string;
  max?: number;
}

/** An editable list of text lines (strengths, strategies…): add, edit, remove. */
export function LineListEditor({ id, legend, lines, onChange, hint, max = 20 }: LineListProps) {
  const { t } = useTranslation();
  // Stable keys so removing a middle line keeps each text box with its own text and focus.
  const keys = useRef<number[]>([]);
  while (keys.current.length < lines.length) keys.current.push(nextKey++);
  if (keys.current.length > lines.length) keys.current.length = lines.length;
  const focusIndex = useRef<number | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);

  const add = () => {
    focusIndex.current = lines.length;
    onChange([...lines, '']);
  };
  const remove = (index: number) => {
    keys.current.splice(index, 1);
    onChange(removeAt(lines, index));
    addButton.current?.focus();
  };

  return (
    <FieldGroup legend={legend} hint={hint}>
      {lines.length === 0 ? <EmptyState title={t('plan.emptyList')} /> : null}
      <ol className="line-list">
        {lines.map((line, index) => {
          const inputId = `${id}-${keys.current[index]}`;
          const n = index + 1;
          return (
            <li key={inputId} className="line-list__item">
              <label htmlFor={inputId} className="visually-hidden">
                {t('plan.lineLabel', { list: legend, n })}
              </label>
              <textarea
                id={inputId}
                rows={2}
                maxLength={500}
                value={line}
                ref={(element) => {
                  if (element && focusIndex.current === index) {
                    focusIndex.current = null;
                    element.focus();
                  }
                }}
                onChange={(event) => onChange(setLine(lines, index, event.target.value))}
              />
              <Button
                variant="quiet"
                aria-label={t('plan.removeLine', { list: legend, n })}
                onClick={() => remove(index)}
              >
                {t('plan.remove')}
              </Button>
            </li>
          );
        })}
      </ol>
      <Button
        buttonRef={addButton}
        variant="secondary"
        disabled={lines.length >= max}
        onClick={add}
      >
        {t('plan.add')}
      </Button>
    </FieldGroup>
  );
}

/** A read-only list with its heading. */
export function LinesView({ id, title, lines }: { id: string; title: string; lines: string[] }) {
  const { t } = useTranslation();
  return (
    <section className="section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {lines.length ? (
        <List labelledBy={id}>
          {lines.map((line) => (
            <ListItem key={line} title={line} />
          ))}
        </List>
      ) : (
        <EmptyState title={t('plan.emptyList')} />
      )}
    </section>
  );
}

/** Back to the teacher and across to the sibling screen (diagnosis ↔ plan). */
export function TeacherLinks({ teacherId, to }: { teacherId: string; to: 'plan' | 'diagnosis' }) {
  const { t } = useTranslation();
  return (
    <nav className="button-row" aria-label={t('plan.kicker')}>
      <ButtonLink to={`/docentes/${teacherId}`} variant="quiet">
        {t('plan.backToTeacher')}
      </ButtonLink>
      {to === 'plan' ? (
        <ButtonLink to={`/docentes/${teacherId}/plan`} variant="secondary" icon={IconCalendar}>
          {t('plan.toPlan')}
        </ButtonLink>
      ) : (
        <ButtonLink
          to={`/docentes/${teacherId}/diagnostico`}
          variant="secondary"
          icon={IconClipboard}
        >
          {t('plan.toDiagnosis')}
        </ButtonLink>
      )}
    </nav>
  );
}

/** The screen for someone who may not see or edit this teacher's plan. */
export function AccessDenied({
  access,
  title,
  teacherId,
}: {
  access: Extract<Access, { kind: 'notInCaseload' | 'noAccess' }>;
  title: string;
  teacherId: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="page">
      <PageHeading title={title} />
      <Notice tone="warning" live="alert">
        <p>{access.kind === 'notInCaseload' ? t('plan.notInCaseload') : t('plan.noAccess')}</p>
      </Notice>
      <BackLink to={`/docentes/${teacherId}`}>{t('plan.backToTeacher')}</BackLink>
    </div>
  );
}

/** Page frame: links, kicker and heading. */
export function PlanFrame({
  teacherId,
  kicker,
  title,
  to,
  children,
}: {
  teacherId: string;
  kicker: string;
  title: string;
  to: 'plan' | 'diagnosis';
  children: ReactNode;
}) {
  return (
    <div className="page">
      <TeacherLinks teacherId={teacherId} to={to} />
      <p className="page-kicker">{kicker}</p>
      <PageHeading title={title} />
      {children}
    </div>
  );
}
