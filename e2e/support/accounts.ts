// The demo accounts seeded by `acompana start` on an empty database (packages/server/src/seed)
// and the heading each role's home must show.

export interface DemoAccount {
  role: 'docente' | 'acompanante' | 'formador' | 'director' | 'especialista' | 'minedu';
  dni: string;
  password: string;
  home: string;
}

export const DEMO_PASSWORD = 'acompana';

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { role: 'docente', dni: '30000001', password: DEMO_PASSWORD, home: 'Mi espacio' },
  { role: 'acompanante', dni: '20000001', password: DEMO_PASSWORD, home: 'Mi día' },
  { role: 'formador', dni: '60000001', password: DEMO_PASSWORD, home: 'Formación de acompañantes' },
  { role: 'director', dni: '40000001', password: DEMO_PASSWORD, home: 'Mi institución educativa' },
  {
    role: 'especialista',
    dni: '50000001',
    password: DEMO_PASSWORD,
    home: 'Seguimiento de la UGEL',
  },
  { role: 'minedu', dni: '10000001', password: DEMO_PASSWORD, home: 'Panorama nacional' },
];
