import type { InstrumentSummary } from '@acompana/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { SelectField } from '../../ui/Field.tsx';
import { List, ListItem } from '../../ui/ListItem.tsx';
import { ErrorNotice, Loading } from '../../ui/Status.tsx';
import { useApiData } from '../../ui/useApiData.ts';
import { diffVersions } from './api.ts';

// "What changed" between two versions of an instrument, by desempeño/item code.

const show = (value: unknown) =>
  typeof value === 'string' ? value : JSON.stringify(value, null, 1);

function Changes({ instrumentId, from, to }: { instrumentId: string; from: string; to: string }) {
  const { t } = useTranslation();
  const data = useApiData(`diff-${from}-${to}`, (signal) =>
    diffVersions(instrumentId, from, to, signal),
  );
  if (data.status === 'loading') return <Loading />;
  if (data.status === 'error') return <ErrorNotice error={data.error} onRetry={data.reload} />;
  if (data.data.changes.length === 0)
    return <EmptyState title={t('instruments.designer.diffNone')} />;
  return (
    <List label={t('instruments.designer.diff')}>
      {data.data.changes.map((c) => (
        <ListItem
          key={`${c.kind}-${c.path}`}
          title={
            <>
              {t(`instruments.designer.diffKinds.${c.kind}`)}: <code>{c.path}</code>
            </>
          }
          secondary={
            c.kind === 'moved'
              ? t('instruments.designer.diffMoved', { before: c.before, after: c.after })
              : [
                  c.kind === 'changed' || c.kind === 'removed'
                    ? `${t('instruments.designer.diffBefore')}: ${show(c.before)}`
                    : null,
                  c.kind === 'changed' || c.kind === 'added'
                    ? `${t('instruments.designer.diffAfter')}: ${show(c.after)}`
                    : null,
                ]
                  .filter(Boolean)
                  .join(' · ')
          }
        />
      ))}
    </List>
  );
}

export function DiffView({ instrument }: { instrument: InstrumentSummary }) {
  const { t } = useTranslation();
  const id = useId();
  const versions = instrument.versions;
  const [from, setFrom] = useState(versions[1]?.id ?? '');
  const [to, setTo] = useState(versions[0]?.id ?? '');
  const [shown, setShown] = useState<{ from: string; to: string } | null>(null);
  if (versions.length < 2) return null;
  const options = versions.map((v) => (
    <option key={v.id} value={v.id}>
      {t('instruments.versionLabel', { n: v.version })} ({t(`instruments.status.${v.status}`)})
    </option>
  ));
  return (
    <section className="section" aria-labelledby={`${id}-diff`}>
      <h2 id={`${id}-diff`}>{t('instruments.designer.diff')}</h2>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          setShown({ from, to });
        }}
      >
        <SelectField
          label={t('instruments.designer.diffFrom')}
          value={from}
          onChange={(e) => setFrom(e.target.value)}
        >
          {options}
        </SelectField>
        <SelectField
          label={t('instruments.designer.diffTo')}
          value={to}
          onChange={(e) => setTo(e.target.value)}
        >
          {options}
        </SelectField>
        <Button type="submit" variant="secondary">
          {t('instruments.designer.diffShow')}
        </Button>
      </form>
      {shown ? <Changes instrumentId={instrument.id} from={shown.from} to={shown.to} /> : null}
    </section>
  );
}
