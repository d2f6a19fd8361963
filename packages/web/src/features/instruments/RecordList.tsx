import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LocalDb } from '../../offline/index.ts';
import { cachedVersions, listResponses, type ResponseRecord, type TeacherOption } from './local.ts';

// The filled instruments kept on this device, newest first, each opening with its own version.

export function RecordList({ db, teachers }: { db: LocalDb; teachers: TeacherOption[] }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<{ record: ResponseRecord; name: string }[] | null>(null);
  useEffect(() => {
    let live = true;
    void Promise.all([listResponses(db), cachedVersions(db)]).then(([records, versions]) => {
      if (!live) return;
      setRows(
        records.map((record) => {
          const v = versions.find((x) => x.id === record.data.instrumentVersionId);
          return {
            record,
            name: v ? t('instruments.versionOf', { name: v.instrumentName, n: v.version }) : '',
          };
        }),
      );
    });
    return () => {
      live = false;
    };
  }, [db, t]);
  if (!rows) return null;
  return (
    <section className="section" aria-labelledby="registros-dispositivo">
      <h2 id="registros-dispositivo">{t('instruments.fillPage.myRecords')}</h2>
      {rows.length === 0 ? (
        <p className="empty">{t('instruments.fillPage.noRecords')}</p>
      ) : (
        <ul className="link-list">
          {rows.map(({ record, name }) => (
            <li key={record.id}>
              <Link to={`/instrumentos/registros/${record.id}`}>
                {t('instruments.fillPage.recordItem', {
                  instrument: name,
                  teacher: teachers.find((x) => x.id === record.data.teacherId)?.displayName ?? '',
                  status: t(`instruments.fillPage.recordStatus.${record.data.status}`),
                })}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
