import {
  DEFAULT_STAGE_LADDER,
  RUBRIC_LEVELS,
  type StageLadder,
  type StageReason,
} from '@acompana/core';
import type { TFunction } from 'i18next';
import { progressTexts } from '../../app/i18n/es-PE.progress.ts';
import { formatNumber, LOCALE } from '../../app/i18n/index.ts';

// Words for the progress screen through the catalog: stage and role names (codes of the
// ladder, which is data, fall back to the code), rubric levels, and each reason core gives for
// its stage suggestion.

const STAGES = progressTexts.progress.stages;
const ROLES = progressTexts.progress.roles;

/** A stage's name: the catalog's for the default ladder's codes, else the configured name. */
export function stageName(t: TFunction, code: string, ladder = DEFAULT_STAGE_LADDER): string {
  if (code in STAGES) return t(`progress.stages.${code as keyof typeof STAGES}`);
  return ladder.stages.find((s) => s.code === code)?.name ?? code;
}

export function roleName(t: TFunction, code: string, ladder = DEFAULT_STAGE_LADDER): string {
  if (code in ROLES) return t(`progress.roles.${code as keyof typeof ROLES}`);
  return ladder.stages.find((s) => s.coachRole === code)?.coachRoleName ?? code;
}

/** "II (En proceso)"; a level that is not 1..4 is written as a number. */
export function levelName(t: TFunction, level: number): string {
  const found = RUBRIC_LEVELS.find((l) => l.level === level);
  return found
    ? t('progress.level', { roman: found.roman, name: found.name })
    : formatNumber(level);
}

export function levelRoman(level: number): string {
  return RUBRIC_LEVELS.find((l) => l.level === level)?.roman ?? formatNumber(level);
}

const percent = (share: number) => formatNumber(Math.round(share * 100));

const listFormat = new Intl.ListFormat(LOCALE, { style: 'long', type: 'conjunction' });

/** One sentence per reason; `nameOf` gives a desempeño's name (or its code). */
export function reasonText(
  t: TFunction,
  reason: StageReason,
  nameOf: (code: string) => string = (code) => code,
  ladder: StageLadder = DEFAULT_STAGE_LADDER,
): string {
  switch (reason.code) {
    case 'insufficient_history':
      return t('progress.reasons.insufficient', {
        count: reason.observations,
        needed: formatNumber(reason.needed),
      });
    case 'mean_level':
      return t('progress.reasons.mean', {
        count: reason.observations,
        value: formatNumber(reason.value),
      });
    case 'share_satisfactory':
      return t('progress.reasons.share', { percent: percent(reason.value) });
    case 'lowest_desempeno':
      return Number.isInteger(reason.level)
        ? t('progress.reasons.lowestLevel', {
            name: nameOf(reason.desempeno),
            level: levelName(t, reason.level),
          })
        : t('progress.reasons.lowestMean', {
            name: nameOf(reason.desempeno),
            value: formatNumber(reason.level),
          });
    case 'trend':
      return t(
        reason.to > reason.from ? 'progress.reasons.trendUp' : 'progress.reasons.trendDown',
        {
          from: formatNumber(reason.from),
          to: formatNumber(reason.to),
        },
      );
    case 'next_stage_needs': {
      const needs: string[] = [];
      if (reason.minMean > 0) {
        needs.push(t('progress.reasons.needsMean', { value: formatNumber(reason.minMean) }));
      }
      if (reason.minShareSatisfactory >= 1) needs.push(t('progress.reasons.needsShareAll'));
      else if (reason.minShareSatisfactory > 0) {
        needs.push(
          t('progress.reasons.needsShare', { percent: percent(reason.minShareSatisfactory) }),
        );
      }
      if (reason.minLevel > 1) {
        needs.push(t('progress.reasons.needsMinLevel', { level: levelName(t, reason.minLevel) }));
      }
      const stage = stageName(t, reason.stage, ladder);
      return needs.length
        ? t('progress.reasons.nextNeeds', { stage, needs: listFormat.format(needs) })
        : t('progress.reasons.nextStage', { stage });
    }
  }
}
