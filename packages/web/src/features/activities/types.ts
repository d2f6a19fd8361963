import {
  ACTIVITY_TYPES,
  type ActivityType,
  type Intervention,
  isBuiltinActivityType,
  targetKindOf,
} from '@acompana/core';
import { useTranslation } from 'react-i18next';
import { useMeta } from '../../offline/hooks.ts';

// The activity types a device knows (docs/ACTIVITIES.md, "Types"): the built-in ones, named by
// the catalogue (`activityTypes.<type>`), and each intervention's own, stored with the
// interventions (`screens.interventions`, reference data) and named by their stored name.

export type TargetsByCode = Record<string, { rules: { activityKind: string }[] }>;
/** What the device stores of an intervention (a copy from before own types has none). */
export type StoredIntervention = Pick<Intervention, 'code'> &
  Partial<Pick<Intervention, 'activityTypes'>>;
export interface TypeOption {
  value: string;
  label: string;
}

/** The types «Nueva actividad» offers for `intervention`: the built-in ones its stored
 *  catalogue uses (all complementary ones; a target kind only if it has targets — when the
 *  targets are not stored, all), then its own active types by name. */
export function typeOptions(
  intervention: string,
  targets: TargetsByCode | undefined,
  interventions: readonly StoredIntervention[] | undefined,
  builtinLabel: (type: ActivityType) => string,
): TypeOption[] {
  const stored = targets?.[intervention];
  const used = new Set((stored?.rules ?? []).map((r) => r.activityKind));
  const builtins = ACTIVITY_TYPES.filter((k) => {
    const kind = targetKindOf(k);
    return !kind || !stored || used.has(kind);
  }).map((k) => ({ value: k, label: builtinLabel(k) }));
  const own = (interventions?.find((i) => i.code === intervention)?.activityTypes ?? [])
    .filter((t) => t.active)
    .map((t) => ({ value: t.code, label: t.name }))
    .sort((a, b) => a.label.localeCompare(b.label, 'es'));
  return [...builtins, ...own];
}

/** The name of an activity's type; an own type not (or no longer) stored: «Otra actividad». */
export function typeLabel(
  activity: { type: string; interventionCode: string },
  interventions: readonly StoredIntervention[] | undefined,
  builtinLabel: (type: ActivityType) => string,
): string {
  if (isBuiltinActivityType(activity.type)) return builtinLabel(activity.type);
  const own = interventions
    ?.find((i) => i.code === activity.interventionCode)
    ?.activityTypes?.find((t) => t.code === activity.type);
  return own?.name ?? builtinLabel('otra');
}

/** Names activity types from the device's stored interventions (screens.interventions). */
export function useTypeLabel(): (activity: { type: string; interventionCode: string }) => string {
  const { t } = useTranslation();
  const interventions = useMeta<StoredIntervention[]>('screens.interventions');
  return (activity) => typeLabel(activity, interventions, (k) => t(`activityTypes.${k}`));
}
