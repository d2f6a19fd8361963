import type { AccountStatus } from '@acompana/core';
import type { Tone } from '../../ui/Badge.tsx';

// The account status as a Badge tone: what needs the supervisor's attention stands out.
export const STATUS_TONE: Record<AccountStatus, Tone> = {
  none: 'neutral',
  pending: 'warning',
  active: 'success',
  deactivated: 'danger',
};
