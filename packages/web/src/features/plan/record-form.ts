import type { EntityKind } from '@acompana/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaveRecord } from '../../offline/hooks.ts';
import type { RecordChanges } from '../../offline/store.ts';
import { useToast } from '../../ui/Toast.tsx';

// The form of a teacher's record of the school year (diagnosis, coaching plan): a draft edited
// on the device, saved with its outbox entry when nothing blocks it, «Guardado» as a toast.

export function useYearRecordForm<K extends EntityKind, D>(options: {
  kind: K;
  /** The record being edited, or null until the first save creates it. */
  recordId: string | null;
  initial: () => D;
  /** True when the draft may not be saved (its reasons are shown once `attempted`). */
  blocked: (draft: D) => boolean;
  toRecord: (draft: D) => RecordChanges<K>;
}) {
  const { t } = useTranslation();
  const save = useSaveRecord();
  const toast = useToast();
  const [draft, setDraft] = useState<D>(options.initial);
  const [createdId, setCreatedId] = useState<string | null>(null);
  const [attempted, setAttempted] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const recordId = options.recordId ?? createdId;

  const update = (patch: Partial<D>) => {
    setDraft((current) => ({ ...current, ...patch }));
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    setError(null);
    if (options.blocked(draft)) return;
    try {
      const result = await save(options.kind, recordId, options.toRecord(draft));
      setCreatedId(result.id);
      toast(t('plan.saved'));
    } catch (cause) {
      setError(cause);
    }
  };

  return { draft, update, attempted, error, recordId, onSubmit };
}
