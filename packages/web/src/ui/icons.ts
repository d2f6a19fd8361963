// The icons the app uses, one import per icon from lucide-react (so the bundle carries only
// these). Icons are decoration next to a word, never the only label: components render them
// with aria-hidden. Add an icon here, then use it through the kit's `icon` props.

export type { LucideIcon as IconType } from 'lucide-react';
export { default as IconBook } from 'lucide-react/icons/book-open';
export { default as IconCalendar } from 'lucide-react/icons/calendar';
export { default as IconCalendarCheck } from 'lucide-react/icons/calendar-check';
export { default as IconCalendarClock } from 'lucide-react/icons/calendar-clock';
export { default as IconChart } from 'lucide-react/icons/chart-line';
export { default as IconChevronRight } from 'lucide-react/icons/chevron-right';
export { default as IconAlert } from 'lucide-react/icons/circle-alert';
export { default as IconCheck } from 'lucide-react/icons/circle-check';
export { default as IconClipboard } from 'lucide-react/icons/clipboard-list';
export { default as IconClock } from 'lucide-react/icons/clock';
export { default as IconCloud } from 'lucide-react/icons/cloud';
export { default as IconCloudOff } from 'lucide-react/icons/cloud-off';
export { default as IconContrast } from 'lucide-react/icons/contrast';
export { default as IconDownload } from 'lucide-react/icons/download';
export { default as IconMore } from 'lucide-react/icons/ellipsis';
export { default as IconEye } from 'lucide-react/icons/eye';
export { default as IconFilter } from 'lucide-react/icons/funnel';
export { default as IconHome } from 'lucide-react/icons/house';
export { default as IconIdCard } from 'lucide-react/icons/id-card';
export { default as IconInbox } from 'lucide-react/icons/inbox';
export { default as IconInfo } from 'lucide-react/icons/info';
export { default as IconLayers } from 'lucide-react/icons/layers';
export { default as IconLogOut } from 'lucide-react/icons/log-out';
export { default as IconTrendFlat } from 'lucide-react/icons/minus';
export { default as IconNotebook } from 'lucide-react/icons/notebook-pen';
export { default as IconRefresh } from 'lucide-react/icons/refresh-cw';
export { default as IconSchool } from 'lucide-react/icons/school';
export { default as IconTrendDown } from 'lucide-react/icons/trending-down';
export { default as IconTrendUp } from 'lucide-react/icons/trending-up';
export { default as IconWarning } from 'lucide-react/icons/triangle-alert';
export { default as IconUpload } from 'lucide-react/icons/upload';
export { default as IconUserCheck } from 'lucide-react/icons/user-check';
export { default as IconUser } from 'lucide-react/icons/user-round';
export { default as IconUsers } from 'lucide-react/icons/users';
export { default as IconClose } from 'lucide-react/icons/x';
