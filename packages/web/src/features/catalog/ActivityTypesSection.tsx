import type { Intervention, OwnActivityType } from '@acompana/core';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createActivityType, updateActivityType } from '../../app/api/endpoints.ts';
import { useMe } from '../../app/session/SessionContext.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { Card } from '../../ui/Card.tsx';
import { TextField } from '../../ui/Field.tsx';
import { ErrorNotice } from '../../ui/Status.tsx';
import { useToast } from '../../ui/Toast.tsx';

// An intervention's own activity types (docs/ACTIVITIES.md, "Types"). Everyone reads them;
// equipo MINEDU adds, renames and deactivates them (the server decides again). A type is never
// deleted: the activities recorded with it keep its name. Texts: the progress bundle, loaded
// with this screen.

/** Own types by name, the active ones first. */
export function sortedTypes(types: readonly OwnActivityType[]): OwnActivityType[] {
  return [...types].sort(
    (a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name, 'es'),
  );
}

export function TypeCard({
  code,
  type,
  editable,
  onSaved,
}: {
  code: string;
  type: OwnActivityType;
  editable: boolean;
  onSaved: (saved: OwnActivityType) => void;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const [name, setName] = useState(type.name);
  const [error, setError] = useState<unknown>(null);
  const change = async (body: { name?: string; active?: boolean }, done: string) => {
    setError(null);
    try {
      onSaved(await updateActivityType(code, type.code, body));
      toast(done);
    } catch (cause) {
      setError(cause);
    }
  };
  const onRename = (event: FormEvent) => {
    event.preventDefault();
    void change({ name: name.trim() }, t('progress.catalogTypes.renamed'));
  };
  return (
    <Card as="li" level={3} title={type.name}>
      <p>
        <Badge tone={type.active ? 'success' : 'neutral'}>
          {type.active ? t('progress.catalogTypes.active') : t('progress.catalogTypes.inactive')}
        </Badge>{' '}
        {t('progress.catalogTypes.code', { code: type.code })}
      </p>
      {editable ? (
        <form className="form" onSubmit={onRename} noValidate>
          <TextField
            label={t('progress.catalogTypes.rename', { name: type.name })}
            value={name}
            maxLength={80}
            onChange={(event) => setName(event.target.value)}
          />
          {error ? <ErrorNotice error={error} /> : null}
          <div className="button-row">
            <Button type="submit" variant="secondary" disabled={!name.trim() || name === type.name}>
              {t('progress.catalogTypes.saveName')}
            </Button>
            <Button
              variant="secondary"
              onClick={() =>
                void change(
                  { active: !type.active },
                  type.active
                    ? t('progress.catalogTypes.deactivated')
                    : t('progress.catalogTypes.activated'),
                )
              }
            >
              {type.active
                ? t('progress.catalogTypes.deactivate')
                : t('progress.catalogTypes.activate')}
            </Button>
          </div>
        </form>
      ) : null}
    </Card>
  );
}

export function NewTypeForm({
  code,
  onSaved,
}: {
  code: string;
  onSaved: (saved: OwnActivityType) => void;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>(null);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      onSaved(await createActivityType(code, name.trim()));
      setName('');
      toast(t('progress.catalogTypes.added'));
    } catch (cause) {
      setError(cause);
    }
  };
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <TextField
        label={t('progress.catalogTypes.newName')}
        hint={t('progress.catalogTypes.newHint')}
        value={name}
        maxLength={80}
        onChange={(event) => setName(event.target.value)}
      />
      {error ? <ErrorNotice error={error} /> : null}
      <Button type="submit" disabled={!name.trim()}>
        {t('progress.catalogTypes.add')}
      </Button>
    </form>
  );
}

export function ActivityTypesSection({ intervention }: { intervention: Intervention }) {
  const { t } = useTranslation();
  const me = useMe();
  const id = useId();
  // A saved type replaces the shown one in place (no reload of the whole catalogue).
  const [types, setTypes] = useState(intervention.activityTypes);
  const editable = me.roles.some((grant) => grant.role === 'minedu');
  const saved = (type: OwnActivityType) =>
    setTypes((current) => [...current.filter((x) => x.code !== type.code), type]);
  const list = sortedTypes(types);
  return (
    <section className="section" aria-labelledby={`${id}-types`}>
      <h2 id={`${id}-types`}>{t('progress.catalogTypes.title')}</h2>
      <p>{t('progress.catalogTypes.intro')}</p>
      {list.length === 0 ? <p>{t('progress.catalogTypes.none')}</p> : null}
      {list.length > 0 ? (
        <ul className="cards">
          {list.map((type) => (
            <TypeCard
              key={type.code}
              code={intervention.code}
              type={type}
              editable={editable}
              onSaved={saved}
            />
          ))}
        </ul>
      ) : null}
      {editable ? <NewTypeForm code={intervention.code} onSaved={saved} /> : null}
    </section>
  );
}
