import type { Me } from '@acompana/core';
import { useTranslation } from 'react-i18next';
import {
  IconBook,
  IconCalendarCheck,
  IconCalendarClock,
  IconChart,
  IconClipboard,
  IconHome,
  IconIdCard,
  IconLayers,
  IconMore,
  IconNotebook,
  IconRefresh,
  IconSchool,
  type IconType,
  IconUpload,
  IconUserCheck,
  IconUsers,
} from '../ui/icons.ts';
import type { NavItem } from '../ui/Shell.tsx';
import { type Destination, navigationFor } from './navigation.ts';

// Labels and icons of the navigation entries (navigation.ts decides which a person gets).

const ICONS: Record<Destination, IconType> = {
  home: IconHome,
  teachers: IconUsers,
  visits: IconCalendarCheck,
  activities: IconCalendarClock,
  schoolActivities: IconCalendarClock,
  ugelActivities: IconCalendarClock,
  myProgress: IconChart,
  myPlan: IconClipboard,
  modelling: IconNotebook,
  schools: IconSchool,
  coaches: IconUserCheck,
  caseloads: IconUsers,
  catalog: IconLayers,
  instruments: IconBook,
  imports: IconUpload,
  sync: IconRefresh,
  people: IconIdCard,
  monitoring: IconChart,
  more: IconMore,
};

export interface LabelledItem extends NavItem {
  key: Destination;
  /** One line on the "Más" page saying what is there. */
  description?: string;
}

export function useNavItems(me: Me): { primary: LabelledItem[]; more: LabelledItem[] } {
  const { t } = useTranslation();
  const nav = navigationFor(me);
  const label = (key: Destination): string => {
    if (key === 'home') return nav.role === 'acompanante' ? t('nav.today') : t('nav.home');
    if (key === 'visits' && nav.role === 'docente') return t('nav.myVisits');
    if (key === 'activities' && nav.role === 'docente') return t('nav.myActivities');
    return t(`nav.${key}`);
  };
  const describe = (key: Destination): string | undefined =>
    key in DESCRIBED ? t(`more.descriptions.${key as keyof typeof DESCRIBED}`) : undefined;
  const item = ({ key, to }: { key: Destination; to: string }): LabelledItem => ({
    key,
    to,
    label: label(key),
    icon: ICONS[key],
    description: describe(key),
    alsoAt: key === 'home' ? (pathname) => pathname.startsWith('/inicio/') : undefined,
  });
  return { primary: nav.primary.map(item), more: nav.more.map(item) };
}

const DESCRIBED = {
  schools: true,
  coaches: true,
  caseloads: true,
  catalog: true,
  instruments: true,
  imports: true,
  sync: true,
  teachers: true,
  myPlan: true,
  modelling: true,
  people: true,
  activities: true,
  schoolActivities: true,
  ugelActivities: true,
  monitoring: true,
} as const;
