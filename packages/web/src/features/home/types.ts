import type { Me, Role } from '@acompana/core';

/** What every role home body receives from the role switch. */
export interface HomeProps {
  me: Me;
  role: Role;
  scopeName: string;
}
