import {
  type ChecklistAnswers,
  type CommitmentRecord,
  checklistSummary,
  type InstrumentResponseRecord,
  type NotebookAnswers,
  RUBRIC_LEVELS,
  type RubricAnswers,
  type VersionDetail,
  type VisitRecord,
} from '@acompana/core';
import type { TFunction } from 'i18next';
import { timeOf } from '../../instruments/renderer/format.ts';
import type { FichaModel } from './ficha.ts';

// Turns the device's records of one visit into the worded model the PDF lays out: names,
// level names, statuses in Spanish. Pure, so it is tested without a browser.

export interface FichaSources {
  visit: VisitRecord;
  /** Names as people read them; `intervention` is the intervention's name ('' if unknown:
   *  the PDF leaves the line out rather than print its code). */
  names: { teacher: string; school: string; coach: string; intervention: string };
  /** The visit's instrument responses with the exact version each was filled with. */
  responses: { data: InstrumentResponseRecord; version: VersionDetail | undefined }[];
  commitments: CommitmentRecord[];
  followUps: CommitmentRecord[];
  /** Desempeño names of the rubrics on the device (notes may name one of a rubric the visit
   *  did not fill). */
  desempenoNames?: Map<string, string>;
}

/** Level names are the rubric's official ones (RUBRIC_LEVELS), as written in the norm. */
function rubricPart(sources: FichaSources): FichaModel['rubric'] {
  const found = sources.responses.find((r) => r.version?.definition.type === 'rubric');
  const definition = found?.version?.definition;
  if (!found?.version || definition?.type !== 'rubric') return null;
  const answers = found.data.answers as unknown as RubricAnswers;
  return {
    version: `v${found.version.version}`,
    items: definition.desempenos.map((d) => {
      const score = answers.scores?.[d.code];
      const level = score?.level ?? null;
      const named = RUBRIC_LEVELS.find((l) => l.level === level);
      return {
        code: d.code,
        name: d.name,
        level,
        levelName: named ? `${named.roman} ${named.name}` : null,
        evidence: score?.evidence ?? '',
      };
    }),
  };
}

function checklistPart(sources: FichaSources): FichaModel['checklist'] {
  const found = sources.responses.find((r) => r.version?.definition.type === 'checklist');
  const definition = found?.version?.definition;
  if (!found || definition?.type !== 'checklist') return null;
  const summary = checklistSummary(definition, found.data.answers as unknown as ChecklistAnswers);
  return {
    score: summary.score,
    max: summary.max,
    lines: summary.sections.map((s) => `${s.title}: ${s.score} / ${s.max}`),
  };
}

/** Field notes with their tags and desempeño by name (the notebook's labels, the rubric's
 *  names), never by code; a code no definition on the device names is left out. */
function notesPart(sources: FichaSources): FichaModel['notes'] {
  const labels = new Map<string, string>();
  const desempenos = new Map<string, string>(sources.desempenoNames);
  for (const { version } of sources.responses) {
    const definition = version?.definition;
    if (definition?.type === 'notebook')
      for (const tag of definition.tags) labels.set(tag.code, tag.label);
    if (definition?.type === 'rubric')
      for (const d of definition.desempenos) desempenos.set(d.code, d.name);
  }
  return sources.responses
    .filter((r) => r.version?.definition.type === 'notebook')
    .flatMap((r) => (r.data.answers as unknown as NotebookAnswers).notes ?? [])
    .sort((a, b) => a.at.localeCompare(b.at))
    .map((note) => ({
      at: timeOf(note.at),
      text: note.text,
      tags: [
        ...note.tags.map((code) => labels.get(code)),
        note.desempeno ? desempenos.get(note.desempeno) : undefined,
      ].filter((label): label is string => Boolean(label)),
    }));
}

export function fichaModel(t: TFunction, sources: FichaSources): FichaModel {
  const { visit } = sources;
  return {
    teacher: sources.names.teacher,
    school: sources.names.school,
    coach: sources.names.coach,
    intervention: sources.names.intervention,
    date: visit.plannedDate,
    status:
      t(`visits.statuses.${visit.status}`) +
      (visit.cancelReason ? ` (${t(`visits.reasons.${visit.cancelReason}`)})` : ''),
    goals: visit.goals,
    teacherConfirmedAt: visit.teacherConfirmedAt,
    rubric: rubricPart(sources),
    checklist: checklistPart(sources),
    notes: notesPart(sources),
    dialogue: visit.dialogue,
    commitments: sources.commitments.map((c) => ({
      text: c.text,
      owner: t(`commitments.owners.${c.owner}`),
      status: t(`commitments.statuses.${c.status}`),
      dueDate: c.dueDate,
    })),
    followUps: sources.followUps.map((c) => ({
      text: c.text,
      status: t(`commitments.statuses.${c.status}`),
      note: c.followUpNote,
    })),
  };
}
