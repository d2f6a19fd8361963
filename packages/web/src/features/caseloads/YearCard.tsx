import type { ProposalList } from '@acompana/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api/errorMessage.ts';
import { formatNumber } from '../../app/i18n/index.ts';
import { Button } from '../../ui/Button.tsx';
import { Card } from '../../ui/Card.tsx';
import { CheckboxGroup } from '../../ui/CheckboxGroup.tsx';
import { useToast } from '../../ui/Toast.tsx';
import { useInterventionName } from '../rosters/options.ts';
import { decideProposals, openSchoolYear } from './api.ts';

// The next school year on the board: open it (targets copied, same-coach caseloads proposed),
// then confirm or discard the proposals — continuity by default (docs/ADMIN.md «The year cycle»).

export function YearCard({
  proposals,
  onChange,
}: {
  proposals: ProposalList;
  onChange: () => void;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const interventionName = useInterventionName();
  const year = proposals.schoolYear;
  const [chosen, setChosen] = useState<string[]>(proposals.items.map((p) => p.id));
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);

  async function act(work: () => Promise<string>) {
    setBusy(true);
    setAlert(null);
    try {
      toast(await work());
      onChange();
    } catch (error) {
      setAlert(errorMessage(t, error));
    } finally {
      setBusy(false);
    }
  }
  const open = () =>
    act(async () => {
      const r = await openSchoolYear(year);
      return t('caseloads.year.opened', { year, count: r.proposed });
    });
  const decide = (decision: 'confirm' | 'discard') =>
    act(async () => {
      const r = await decideProposals(chosen, decision);
      return t('caseloads.year.decided', { count: r.confirmed + r.discarded });
    });

  return (
    <Card title={t('caseloads.year.title', { year })}>
      {alert ? (
        <p role="alert" className="field__error">
          {alert}
        </p>
      ) : null}
      {!proposals.opened ? (
        <>
          <p>{t('caseloads.year.notOpened')}</p>
          <div className="button-row">
            <Button variant="secondary" onClick={open} disabled={busy}>
              {t('caseloads.year.open', { year })}
            </Button>
          </div>
        </>
      ) : proposals.items.length === 0 ? (
        <p>{t('caseloads.year.none')}</p>
      ) : (
        <>
          <CheckboxGroup
            legend={t('caseloads.year.proposals', { n: formatNumber(proposals.items.length) })}
            options={proposals.items.map((p) => ({
              value: p.id,
              label: t('caseloads.year.proposalLine', {
                teacher: p.teacher.displayName,
                coach: p.coach.displayName,
                intervention: interventionName(p.intervention),
              }),
            }))}
            value={chosen}
            onChange={setChosen}
          />
          <p className="field__hint">{t('caseloads.year.discardHint')}</p>
          <div className="button-row">
            <Button onClick={() => decide('confirm')} disabled={busy || chosen.length === 0}>
              {t('caseloads.year.confirm')}
            </Button>
            <Button
              variant="secondary"
              onClick={() => decide('discard')}
              disabled={busy || chosen.length === 0}
            >
              {t('caseloads.year.discard')}
            </Button>
          </div>
        </>
      )}
    </Card>
  );
}
