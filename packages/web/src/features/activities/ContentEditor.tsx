import type {
  ActivityRecord,
  CoachingPlanRecord,
  CommitmentRecord,
  InstrumentResponseRecord,
  VersionDetail,
  VisitRecord,
} from '@acompana/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalRecord } from '../../offline/db.ts';
import { useRecords, useReference, useSaveRecord } from '../../offline/hooks.ts';
import { Button } from '../../ui/Button.tsx';
import { Card } from '../../ui/Card.tsx';
import { CheckboxGroup } from '../../ui/CheckboxGroup.tsx';
import { TextField } from '../../ui/Field.tsx';
import { List, ListItem } from '../../ui/ListItem.tsx';
import { useToast } from '../../ui/Toast.tsx';
import { useRubricDesempenos } from '../instruments/useRubricDesempenos.ts';
import { parseFocusCodes } from '../plan/plan-model.ts';
import { SaveError } from '../visits/parts.tsx';
import {
  addTopic,
  desempenoOptions,
  plansFocus,
  suggestTopics,
  type TopicSuggestion,
} from './editing.ts';

// The organiser's editor of what the activity works on: the desempeños (from the rubric cached
// on the device, those in the invitees' plan focus first) and the topics drawn from what the
// visits found (suggested from the invitees' latest rubric levels and open commitments, each
// accepted by a tap, plus free text). All from the device, saved like the agreements.

const MAX_DESEMPENOS = 10;
const MAX_TOPICS = 10;

export function ContentEditor({ activity }: { activity: LocalRecord<ActivityRecord> }) {
  const { t } = useTranslation();
  const save = useSaveRecord();
  const toast = useToast();
  const rubric = useRubricDesempenos();
  const plans = useRecords('coaching_plan') as LocalRecord<CoachingPlanRecord>[] | undefined;
  const responses = useRecords('instrument_response') as
    | LocalRecord<InstrumentResponseRecord>[]
    | undefined;
  const visits = useRecords('visit') as LocalRecord<VisitRecord>[] | undefined;
  const commitments = useRecords('commitment') as LocalRecord<CommitmentRecord>[] | undefined;
  const versions = useReference('instrument');
  const [desempenos, setDesempenos] = useState(activity.data.desempenos);
  const [codesText, setCodesText] = useState(activity.data.desempenos.join(', '));
  const [topics, setTopics] = useState(activity.data.topics);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<unknown>(null);

  const a = activity.data;
  const year = Number(a.startDate.slice(0, 4));
  const focus = plansFocus(plans ?? [], a.inviteeIds, year);
  const options = desempenoOptions(rubric ?? [], focus, desempenos);
  const nameOf = new Map(options.map((d) => [d.code, d.name]));
  const suggestions = suggestTopics({
    inviteeIds: a.inviteeIds,
    responses: responses ?? [],
    visits: visits ?? [],
    versions: (versions ?? []).map((row) => row.data as unknown as VersionDetail),
    commitments: commitments ?? [],
  });
  const suggestionText = (s: TopicSuggestion) => {
    const parts = [
      s.lowLevels > 0
        ? t('activities.content.lowLevels', { count: s.lowLevels, of: s.observed })
        : '',
      s.openCommitments > 0
        ? t('activities.content.openCommitments', { count: s.openCommitments })
        : '',
    ].filter(Boolean);
    return t('activities.content.suggestion', {
      name: nameOf.get(s.code) ?? s.code,
      why: parts.join('; '),
    });
  };
  const offered = suggestions.map(suggestionText).filter((text) => !topics.includes(text));
  const fullTopics = topics.length >= MAX_TOPICS;
  const fullDesempenos = desempenos.length >= MAX_DESEMPENOS;

  const onSave = async () => {
    setError(null);
    try {
      await save('activity', activity.id, { desempenos, topics });
      toast(t('activities.content.saved'));
    } catch (cause) {
      setError(cause);
    }
  };

  return (
    <Card title={t('activities.content.title')}>
      {rubric && rubric.length === 0 ? (
        <TextField
          id="activity-desempeno-codes"
          label={t('activities.content.codes')}
          hint={t('activities.content.codesHint')}
          autoComplete="off"
          value={codesText}
          onChange={(event) => {
            setCodesText(event.target.value);
            setDesempenos(parseFocusCodes(event.target.value).slice(0, MAX_DESEMPENOS));
          }}
        />
      ) : (
        <CheckboxGroup
          legend={t('activities.content.desempenos')}
          hint={t(focus.length ? 'activities.content.prioritizedHint' : 'activities.content.hint')}
          options={options.map((d) => ({
            value: d.code,
            label: d.prioritized ? t('activities.content.prioritized', { name: d.name }) : d.name,
            disabled: fullDesempenos && !desempenos.includes(d.code),
          }))}
          value={desempenos}
          onChange={(next) => setDesempenos(next.slice(0, MAX_DESEMPENOS))}
        />
      )}
      <h3>{t('activities.content.topics')}</h3>
      {topics.length === 0 ? <p>{t('activities.content.noTopics')}</p> : null}
      {topics.length > 0 ? (
        <List label={t('activities.content.topics')}>
          {topics.map((topic) => (
            <ListItem
              key={topic}
              title={topic}
              action={
                <Button
                  variant="quiet"
                  aria-label={t('activities.content.removeTopic', { topic })}
                  onClick={() => setTopics(topics.filter((x) => x !== topic))}
                >
                  {t('activities.content.remove')}
                </Button>
              }
            />
          ))}
        </List>
      ) : null}
      {offered.length > 0 ? (
        <>
          <p>{t('activities.content.suggestedHint')}</p>
          <List label={t('activities.content.suggested')}>
            {offered.map((text) => (
              <ListItem
                key={text}
                title={text}
                action={
                  <Button
                    variant="secondary"
                    disabled={fullTopics}
                    aria-label={t('activities.content.acceptTopic', { topic: text })}
                    onClick={() => setTopics(addTopic(topics, text))}
                  >
                    {t('activities.content.accept')}
                  </Button>
                }
              />
            ))}
          </List>
        </>
      ) : null}
      <TextField
        id="activity-topic-new"
        label={t('activities.content.newTopic')}
        hint={fullTopics ? t('activities.content.topicsLimit') : undefined}
        autoComplete="off"
        maxLength={300}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return;
          event.preventDefault();
          setTopics(addTopic(topics, draft));
          setDraft('');
        }}
      />
      <Button
        variant="secondary"
        disabled={fullTopics || !draft.trim()}
        onClick={() => {
          setTopics(addTopic(topics, draft));
          setDraft('');
        }}
      >
        {t('activities.content.addTopic')}
      </Button>
      <SaveError error={error} />
      <Button onClick={() => void onSave()}>{t('activities.content.save')}</Button>
    </Card>
  );
}
