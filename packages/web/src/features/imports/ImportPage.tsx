import { COACH_COLUMNS, MANAGES } from '@acompana/core';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api/client.ts';
import { errorMessage } from '../../app/api/errorMessage.ts';
import { formatNumber } from '../../app/i18n/index.ts';
import { can } from '../../app/roles.ts';
import { useMe } from '../../app/session/SessionContext.tsx';
import { Button } from '../../ui/Button.tsx';
import { Checkbox } from '../../ui/CheckboxGroup.tsx';
import { Field } from '../../ui/Field.tsx';
import { IconUpload } from '../../ui/icons.ts';
import { FormAlert, Notice } from '../../ui/Notice.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { RadioGroup } from '../../ui/RadioGroup.tsx';
import { Stat, StatGroup } from '../../ui/Stat.tsx';
import { ErrorNotice } from '../../ui/Status.tsx';
import { type ImportKind, type ImportReportView, reportOfError, uploadImport } from './report.ts';

// Importar: the especialista or equipo MINEDU uploads a padrón of schools or a list of
// teachers; the especialista also a list of coaches (`acompana import coaches`'s format). The file is always checked first (dry run: nothing saved); the report shows what
// would be created, updated, left unchanged or skipped, and every invalid row by line; then
// the person applies it.

type Stage =
  | { kind: 'idle' }
  | { kind: 'busy'; dryRun: boolean }
  | { kind: 'report'; report: ImportReportView; error: string | null };

function ImportReport({ report }: { report: ImportReportView }) {
  const { t } = useTranslation();
  const figures: [string, number][] = [
    [t('imports.rows'), report.rows],
    [t('imports.created'), report.created],
    [t('imports.updated'), report.updated],
    [t('imports.unchanged'), report.unchanged],
    [t('imports.skipped'), report.skipped],
    [t('imports.invalidRows'), report.invalidRows],
  ];
  const more = report.invalidIssues - report.invalid.length;
  return (
    <section className="section" aria-labelledby="resultado-importacion">
      <h2 id="resultado-importacion">
        {report.dryRun ? t('imports.reportDryRun') : t('imports.reportApplied')}
      </h2>
      <Notice tone={report.dryRun || report.applied ? 'info' : 'warning'} live={false}>
        {report.dryRun
          ? t('imports.dryRunNote')
          : report.applied
            ? t('imports.appliedNote')
            : t('imports.notAppliedNote')}
      </Notice>
      <StatGroup compact>
        {figures.map(([label, value]) => (
          <Stat key={label} label={label} value={formatNumber(value)} />
        ))}
      </StatGroup>
      {report.invalid.length > 0 ? (
        <>
          <h3>{t('imports.invalidList')}</h3>
          <ul className="issues">
            {report.invalid.map((issue) => (
              <li key={`${issue.line}-${issue.field ?? ''}-${issue.message}`}>{issue.message}</li>
            ))}
          </ul>
          {more > 0 ? <p>{t('imports.moreIssues', { n: formatNumber(more) })}</p> : null}
        </>
      ) : null}
    </section>
  );
}

export default function ImportPage() {
  const { t } = useTranslation();
  const me = useMe();
  const id = useId();
  const [kind, setKind] = useState<ImportKind>('schools');
  const [file, setFile] = useState<File | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [fileError, setFileError] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  // The coaches file registers coaches (the especialista in their UGEL: the policy's MANAGES).
  const registersCoaches =
    can(me, 'role_assignment:create') &&
    me.roles.some((r) => MANAGES[r.role].includes('acompanante'));

  if (!can(me, 'school:create')) {
    return (
      <div className="page">
        <PageHeading title={t('imports.title')} />
        <ErrorNotice error={new ApiError(403, 'FORBIDDEN', '')} />
      </div>
    );
  }

  const run = async (dryRun: boolean) => {
    if (!file) {
      setFileError(t('imports.noFile'));
      return;
    }
    setFileError(null);
    setFailure(null);
    setStage({ kind: 'busy', dryRun });
    try {
      const report = await uploadImport(kind, file, { dryRun, skipInvalid });
      setStage({ kind: 'report', report, error: null });
    } catch (error) {
      const report = reportOfError(error);
      // Import failures carry a precise Spanish message from the server (which columns…).
      const message =
        error instanceof ApiError && error.code.startsWith('IMPORT_') && error.message
          ? error.message
          : errorMessage(t, error);
      if (report) setStage({ kind: 'report', report, error: message });
      else {
        setStage({ kind: 'idle' });
        setFailure(error);
        setFileError(
          error instanceof ApiError && error.code.startsWith('IMPORT_') ? message : null,
        );
      }
    }
  };

  const onCheck = (event: FormEvent) => {
    event.preventDefault();
    void run(true);
  };

  const report = stage.kind === 'report' ? stage.report : null;
  const canApply = report?.dryRun === true && (report.invalidRows === 0 || skipInvalid);
  const busy = stage.kind === 'busy';
  const reset = () => {
    setStage({ kind: 'idle' });
    setFailure(null);
  };

  return (
    <div className="page">
      <PageHeading title={t('imports.title')} />
      <p>{t('imports.intro')}</p>
      <form className="form" onSubmit={onCheck} noValidate>
        <RadioGroup
          legend={t('imports.kind')}
          name="kind"
          options={[
            { value: 'schools', label: t('imports.kindSchools') },
            { value: 'teachers', label: t('imports.kindTeachers') },
            ...(registersCoaches
              ? [{ value: 'coaches' as const, label: t('imports.kindCoaches') }]
              : []),
          ]}
          value={kind}
          onChange={(value) => {
            setKind(value);
            reset();
          }}
        />
        {kind === 'coaches' ? <p>{t('imports.coachesHint', coachColumns())}</p> : null}
        <Field
          id={`${id}-file`}
          label={t('imports.file')}
          hint={t('imports.fileHint')}
          error={fileError}
        >
          {(control) => (
            <input
              {...control}
              type="file"
              name="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                setFileError(null);
                reset();
              }}
            />
          )}
        </Field>
        <Checkbox
          label={t('imports.skipInvalid')}
          checked={skipInvalid}
          onChange={setSkipInvalid}
        />
        <FormAlert>
          {failure && !fileError ? <ErrorNotice error={failure} live={false} /> : null}
          {stage.kind === 'report' && stage.error ? (
            <Notice tone="error" live={false}>
              <p>{stage.error}</p>
            </Notice>
          ) : null}
        </FormAlert>
        <div className="button-row">
          <Button
            type="submit"
            variant="secondary"
            loading={busy && stage.dryRun}
            loadingLabel={t('imports.checking')}
            disabled={busy}
          >
            {t('imports.check')}
          </Button>
          {canApply ? (
            <Button icon={IconUpload} disabled={busy} onClick={() => void run(false)}>
              {t('imports.apply')}
            </Button>
          ) : null}
          {busy && !stage.dryRun ? <p role="status">{t('imports.applying')}</p> : null}
        </div>
      </form>
      {report ? <ImportReport report={report} /> : null}
    </div>
  );
}

/** The coaches file's headers as the person writes them (the first accepted name of each). */
function coachColumns(): { required: string; names: string; optional: string } {
  const list = (keys: (typeof COACH_COLUMNS)[number]['key'][]) =>
    COACH_COLUMNS.filter((column) => keys.includes(column.key))
      .map((column) => column.names[0])
      .join(', ');
  const names: (typeof COACH_COLUMNS)[number]['key'][] = ['nombres', 'apellido_paterno'];
  return {
    required: list(COACH_COLUMNS.filter((column) => column.required).map((column) => column.key)),
    names: list(names),
    optional: list(
      COACH_COLUMNS.filter((column) => !column.required && !names.includes(column.key)).map(
        (column) => column.key,
      ),
    ),
  };
}
