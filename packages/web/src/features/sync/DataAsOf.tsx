import { formatLimaDateTime, formatLimaTime, limaToday } from '@acompana/core';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/Icon.tsx';
import { IconCloudOff } from '../../ui/icons.ts';

// The quiet note on a screen shown from the device's copy: "Sin conexión · datos del 14:05"
// (Lima time; the date too when the copy is from another day).

export function DataAsOf({ asOf }: { asOf: string | null }) {
  const { t } = useTranslation();
  if (!asOf) return null;
  const when =
    limaToday(new Date(asOf)) === limaToday() ? formatLimaTime(asOf) : formatLimaDateTime(asOf);
  return (
    <p className="count data-as-of" role="note">
      <Icon icon={IconCloudOff} /> {t('device.asOf', { when })}
    </p>
  );
}
