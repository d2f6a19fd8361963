import { type ReactNode, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
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
    <fieldset className="plan-group" aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {lines.length === 0 ? <p className="empty">{t('plan.emptyList')}</p> : null}
      <ol className="plan-lines">
        {lines.map((line, index) => {
          const inputId = `${id}-${keys.current[index]}`;
          const n = index + 1;
          return (
            <li key={inputId} className="plan-lines__item">
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
              <button
                type="button"
                className="button button--secondary"
                aria-label={t('plan.removeLine', { list: legend, n })}
                onClick={() => remove(index)}
              >
                {t('plan.remove')}
              </button>
            </li>
          );
        })}
      </ol>
      <button
        ref={addButton}
        type="button"
        className="button button--secondary"
        disabled={lines.length >= max}
        onClick={add}
      >
        {t('plan.add')}
      </button>
    </fieldset>
  );
}

/** A read-only list with its heading. */
export function LinesView({ id, title, lines }: { id: string; title: string; lines: string[] }) {
  const { t } = useTranslation();
  return (
    <section className="section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {lines.length ? (
        <ul className="plain-list">
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : (
        <p className="empty">{t('plan.emptyList')}</p>
      )}
    </section>
  );
}

/** Back to the teacher and across to the sibling screen (diagnosis ↔ plan). */
export function TeacherLinks({ teacherId, to }: { teacherId: string; to: 'plan' | 'diagnosis' }) {
  const { t } = useTranslation();
  return (
    <nav className="button-row plan-links" aria-label={t('plan.kicker')}>
      <Link to={`/docentes/${teacherId}`} className="back-link">
        {t('plan.backToTeacher')}
      </Link>
      {to === 'plan' ? (
        <Link to={`/docentes/${teacherId}/plan`}>{t('plan.toPlan')}</Link>
      ) : (
        <Link to={`/docentes/${teacherId}/diagnostico`}>{t('plan.toDiagnosis')}</Link>
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
      <div className="notice notice--warning" role="alert">
        <p>{access.kind === 'notInCaseload' ? t('plan.notInCaseload') : t('plan.noAccess')}</p>
      </div>
      <Link to={`/docentes/${teacherId}`} className="back-link">
        {t('plan.backToTeacher')}
      </Link>
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
