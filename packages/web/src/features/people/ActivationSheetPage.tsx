import type { ActivationSheet, ActivationSheetRequest } from '@acompana/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api/errorMessage.ts';
import { useSearchParams } from '../../app/router.tsx';
import { BackLink } from '../../ui/BackLink.tsx';
import { Button } from '../../ui/Button.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { ErrorNotice } from '../../ui/Status.tsx';
import { useApiData } from '../../ui/useApiData.ts';
import { previewSheet, printSheet } from './api.ts';
import { downloadSheet } from './pdf/sheet.ts';

// «Hoja de códigos de activación» (issue 14) for a school (?school=) or a coach and their
// caseload (?coach=). Before anything is issued it says who gets a code and how many live
// codes will stop working; printing issues them and downloads the PDF. The codes stay only in
// this screen's memory (to download the same sheet again); asking again issues new ones.

export default function ActivationSheetPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const school = params.get('school');
  const coach = params.get('coach');
  const request: ActivationSheetRequest = school ? { schoolId: school } : { coachId: coach ?? '' };
  const key = `sheet-${school ?? ''}-${coach ?? ''}`;
  const preview = useApiData(key, (signal) => previewSheet(request, signal));
  const [sheet, setSheet] = useState<ActivationSheet | null>(null);
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const back = school ? `/personas?school=${school}` : `/personas/${coach ?? ''}`;

  const print = async () => {
    setBusy(true);
    setAlert(null);
    try {
      const printed = await printSheet(request);
      setSheet(printed);
      await downloadSheet(printed);
    } catch (error) {
      setAlert(errorMessage(t, error));
    } finally {
      setBusy(false);
    }
  };

  let body = <Skeleton lines={3} />;
  if (preview.status === 'error') {
    body = <ErrorNotice error={preview.error} onRetry={preview.reload} />;
  } else if (preview.status === 'ready') {
    const p = preview.data;
    body = (
      <>
        <p>{t('sheet.intro', { group: p.title })}</p>
        {p.people === 0 ? (
          <Notice tone="info" live={false}>
            {t('sheet.nobody')}
          </Notice>
        ) : (
          <Notice tone="info" live={false}>
            {t('sheet.people', { count: p.people })}
          </Notice>
        )}
        {p.withLiveCode > 0 && !sheet ? (
          <Notice tone="warning">{t('sheet.replaces', { count: p.withLiveCode })}</Notice>
        ) : null}
        {p.skipped.length > 0 ? (
          <p>{t('sheet.skipped', { names: p.skipped.map((s) => s.displayName).join(', ') })}</p>
        ) : null}
        {alert ? <Notice tone="error">{alert}</Notice> : null}
        {sheet ? (
          <>
            <Notice tone="warning">{t('sheet.ready', { count: sheet.items.length })}</Notice>
            <Button variant="secondary" onClick={() => void downloadSheet(sheet)}>
              {t('sheet.downloadAgain')}
            </Button>
          </>
        ) : p.people > 0 ? (
          <Button block loading={busy} loadingLabel={t('sheet.printing')} onClick={print}>
            {t('sheet.print')}
          </Button>
        ) : null}
      </>
    );
  }
  return (
    <div className="page">
      <BackLink to={back}>{t('sheet.back')}</BackLink>
      <PageHeading title={t('sheet.title')} />
      {body}
    </div>
  );
}
