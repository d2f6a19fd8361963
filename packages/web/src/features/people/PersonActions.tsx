import { formatLimaDate, type IssuedCode, type PersonDetail } from '@acompana/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api/errorMessage.ts';
import { Button } from '../../ui/Button.tsx';
import { Card } from '../../ui/Card.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Sheet } from '../../ui/Sheet.tsx';
import { changeAccount, issueCode, unlockAccount } from './api.ts';

// The account actions a person's page offers, as the server listed them (`actions`): each goes
// through its own route, which decides again. Those that take something away (reset,
// deactivate) or void a code that may already be on paper (a new code) are confirmed first.
// A new code is shown once, here, and never again.

type Act = 'issueCode' | 'reset' | 'deactivate' | 'reactivate' | 'unlock';
const CONFIRM: Partial<Record<Act, 'issueAgain' | 'reset' | 'deactivate'>> = {
  reset: 'reset',
  deactivate: 'deactivate',
};

/** What an action left to show: kept by the page, so it outlives the reload that follows. */
export interface Outcome {
  code: IssuedCode | null;
  notice: string | null;
  alert: string | null;
}
export const NO_OUTCOME: Outcome = { code: null, notice: null, alert: null };

interface Props {
  person: PersonDetail;
  outcome: Outcome;
  onOutcome: (outcome: Outcome) => void;
  /** Fetches the person again after a change. */
  onChanged: () => void;
}

export function PersonActions({ person, outcome, onOutcome, onChanged }: Props) {
  const { t } = useTranslation();
  const describedBy = useId();
  const [asking, setAsking] = useState<Act | null>(null);
  const [busy, setBusy] = useState<Act | null>(null);
  const { code, notice, alert } = outcome;
  const acts = person.actions.filter((a): a is Act => a !== 'endRole');

  const confirmOf = (act: Act) =>
    act === 'issueCode' && person.status === 'pending' ? 'issueAgain' : CONFIRM[act];

  const run = async (act: Act) => {
    setAsking(null);
    setBusy(act);
    try {
      if (act === 'issueCode') {
        onOutcome({ ...NO_OUTCOME, code: await issueCode(person.id) });
      } else if (act === 'unlock') {
        await unlockAccount(person.id);
        onOutcome({ ...NO_OUTCOME, notice: t('person.done.unlock') });
      } else {
        const change = await changeAccount(person.id, act);
        onOutcome(
          change.issued
            ? { ...NO_OUTCOME, code: change.issued }
            : { ...NO_OUTCOME, notice: t(`person.done.${act as 'deactivate' | 'reactivate'}`) },
        );
      }
      setBusy(null);
      onChanged();
    } catch (error) {
      onOutcome({ ...NO_OUTCOME, alert: errorMessage(t, error) });
      setBusy(null);
    }
  };

  const asked = asking ? confirmOf(asking) : undefined;
  return (
    <section className="section" aria-labelledby="acciones">
      <h2 id="acciones">{t('person.actions')}</h2>
      {code ? (
        <Card title={t('person.code.title')} level={3} tone="warning">
          <dl className="facts" aria-live="polite">
            <div>
              <dt>{t('person.code.label', { name: person.displayName })}</dt>
              <dd>
                <strong>{code.code}</strong>
              </dd>
            </div>
          </dl>
          <p>{t('person.code.until', { date: formatLimaDate(code.expiresAt) })}</p>
          <p>{t('person.code.once')}</p>
          {code.replacedCode ? <p>{t('person.code.replaced')}</p> : null}
        </Card>
      ) : null}
      {notice ? <Notice tone="info">{notice}</Notice> : null}
      {alert ? <Notice tone="error">{alert}</Notice> : null}
      {acts.length === 0 ? (
        <p>{t('person.noActions')}</p>
      ) : (
        <div className="button-row">
          {acts.map((act) => (
            <Button
              key={act}
              variant={act === 'deactivate' ? 'danger' : 'secondary'}
              loading={busy === act}
              loadingLabel={t('person.working')}
              disabled={busy !== null}
              onClick={() => (confirmOf(act) ? setAsking(act) : run(act))}
            >
              {act === 'issueCode' && person.status === 'pending'
                ? t('person.issueAgain')
                : t(`person.${act}`)}
            </Button>
          ))}
        </div>
      )}
      <Sheet
        open={asking !== null}
        onClose={() => setAsking(null)}
        alert
        describedBy={describedBy}
        title={asked ? t(`person.confirm.${asked}Title`) : ''}
        footer={
          asking ? (
            <>
              <Button
                variant={asking === 'deactivate' ? 'danger' : 'primary'}
                onClick={() => run(asking)}
              >
                {asking === 'issueCode' ? t('person.issueAgain') : t(`person.${asking}`)}
              </Button>
              <Button variant="secondary" onClick={() => setAsking(null)}>
                {t('person.cancel')}
              </Button>
            </>
          ) : null
        }
      >
        <p id={describedBy}>{asked ? t(`person.confirm.${asked}`) : null}</p>
      </Sheet>
    </section>
  );
}
