// Demo people: the six accounts, the coaches, a few directors and synthetic teacher names.
// DNIs follow a visible pattern (1…, 2…, 3…, 4…, 5…, 6… + 7 digits) so nobody mistakes them
// for real ones: 10000001 MINEDU, 2000000x coaches, 3xxxxxxx teachers, 4000000x directors,
// 50000001 especialista, 60000001 formador.

export interface PersonSeed {
  dni: string;
  given: string;
  paternal: string;
  maternal: string;
}

export const DOCENTE: PersonSeed = {
  dni: '30000001',
  given: 'Ana María',
  paternal: 'Gutiérrez',
  maternal: 'Lozano',
};

export const STAFF: PersonSeed[] = [
  { dni: '10000001', given: 'Rosa Elena', paternal: 'Quispe', maternal: 'Huamán' },
  { dni: '50000001', given: 'Jorge Luis', paternal: 'Alvarado', maternal: 'Rengifo' },
  { dni: '60000001', given: 'Carmen Julia', paternal: 'Vásquez', maternal: 'Salazar' },
];

export type CoachKind = 'acompanante_pedagogico' | 'aspi' | 'ap_secundaria';
export type Specialty =
  | 'inicial'
  | 'comunicacion_lengua_originaria'
  | 'castellano_l2'
  | 'matematica'
  | 'personal_social_ciencia_ambiente'
  | 'comunicacion';

export interface CoachSeed extends PersonSeed {
  kind: CoachKind;
  specialty: Specialty | null;
  /** Trained by the demo formador (60000001). */
  trained?: boolean;
}

export const COACHES: CoachSeed[] = [
  {
    dni: '20000001',
    given: 'Miguel Ángel',
    paternal: 'Rodríguez',
    maternal: 'Cruz',
    kind: 'acompanante_pedagogico',
    specialty: null,
    trained: true,
  },
  {
    dni: '20000002',
    given: 'Rosa Elvira',
    paternal: 'Plasencia',
    maternal: 'Ulloa',
    kind: 'acompanante_pedagogico',
    specialty: null,
    trained: true,
  },
  {
    dni: '20000003',
    given: 'Víctor Raúl',
    paternal: 'Zavaleta',
    maternal: 'Horna',
    kind: 'acompanante_pedagogico',
    specialty: null,
    trained: true,
  },
  // The SPI team (ASPI) of the Sayapullo network.
  {
    dni: '20000004',
    given: 'Marleni',
    paternal: 'Asmat',
    maternal: 'Julca',
    kind: 'aspi',
    specialty: 'inicial',
  },
  {
    dni: '20000005',
    given: 'Teodoro',
    paternal: 'Mamani',
    maternal: 'Ccori',
    kind: 'aspi',
    specialty: 'comunicacion_lengua_originaria',
  },
  {
    dni: '20000006',
    given: 'Nelly',
    paternal: 'Sánchez',
    maternal: 'Cueva',
    kind: 'aspi',
    specialty: 'castellano_l2',
  },
  {
    dni: '20000007',
    given: 'Edwin',
    paternal: 'Cotrina',
    maternal: 'Alfaro',
    kind: 'aspi',
    specialty: 'matematica',
  },
  {
    dni: '20000008',
    given: 'Flor de María',
    paternal: 'Vera',
    maternal: 'Otiniano',
    kind: 'aspi',
    specialty: 'personal_social_ciencia_ambiente',
  },
  // SPSR.
  {
    dni: '20000009',
    given: 'Santos Armando',
    paternal: 'Azabache',
    maternal: 'Rebaza',
    kind: 'ap_secundaria',
    specialty: 'comunicacion',
  },
  {
    dni: '20000010',
    given: 'Doris',
    paternal: 'Carranza',
    maternal: 'Miranda',
    kind: 'ap_secundaria',
    specialty: 'matematica',
  },
];

/** Directors by the código modular of their school; the first is the demo account. */
export const DIRECTORS: (PersonSeed & { school: string })[] = [
  {
    dni: '40000001',
    given: 'Luz Marina',
    paternal: 'Castillo',
    maternal: 'Paredes',
    school: '0512301',
  },
  {
    dni: '40000002',
    given: 'Julio César',
    paternal: 'Llanos',
    maternal: 'Cerna',
    school: '0512356',
  },
  {
    dni: '40000003',
    given: 'Carmen Rosa',
    paternal: 'Honorio',
    maternal: 'Burgos',
    school: '0512387',
  },
  { dni: '40000004', given: 'Hugo', paternal: 'Briceño', maternal: 'Tello', school: '0531485' },
];

const list = (text: string) =>
  text
    .split(',')
    .map((w) => w.trim())
    .filter(Boolean);

// Common given names and surnames of La Libertad's highlands, combined deterministically.
const WOMEN = list(`
Gladys, Yolanda, Milagros, Marleni, Nelly, Elizabeth, Karina, Flor de María, Sonia, Norma,
Carmen Rosa, Luz Angélica, Maritza, Doris, Liliana, Janet, Esther, Rocío, Mercedes, Betty,
Deysi, Iris, Sara, Zoila, Olga, Pilar, Julia, Teresa, Lucía, María Elena, Rosa Amelia
`);
const MEN = list(`
Segundo, Wilmer, José Luis, Juan Carlos, Víctor Manuel, César Augusto, Edwin, Percy, Elmer,
Santos, Walter, Jorge, Luis Alberto, Hugo, Nilo, Alcides, Fredy, Richard, Manuel Jesús,
Julio César, Teófilo, Wilder, Heber, Eduardo, Roger, Pedro Pablo, Héctor, Marco Antonio,
Félix, Abel, Nicanor
`);
const SURNAMES = list(`
Rodríguez, Vásquez, García, Sánchez, Castillo, Díaz, Alvarado, Reyes, Cruz, Mendoza, Rojas,
Chávez, Benites, Polo, Zavaleta, León, Florián, Gamboa, Ávila, Cabrera, Ruiz, Paredes,
Salazar, Plasencia, Alfaro, Vera, Asmat, Sandoval, Jara, Narváez, Moreno, Ramírez, Valverde,
Horna, Ríos, Ulloa, Aguilar, Carranza, Otiniano, Guevara, Rebaza, Luján, Saldaña, Villanueva,
Azabache, Cerna, Burgos, Urquiza, Honorio, Armas, Briceño, Tello, Rosales, Mostacero, Quiroz,
Lezcano, Cotrina, Alcántara, Llanos, Julca, Cueva
`);

/** The i-th synthetic teacher (i ≥ 1; 0 is the demo docente). Deterministic and unique. */
export function teacherName(i: number): Omit<PersonSeed, 'dni'> {
  const given = i % 3 === 0 ? MEN : WOMEN; // two women in three, as in primary teaching
  const n = SURNAMES.length;
  const paternal = (i * 17) % n;
  // The shift on each lap keeps surname pairs from repeating past the list's length.
  let maternal = (i * 23 + 7 + Math.floor(i / n) * 5) % n;
  if (maternal === paternal) maternal = (maternal + 1) % n;
  return {
    given: given[(i * 7) % given.length] as string,
    paternal: SURNAMES[paternal] as string,
    maternal: SURNAMES[maternal] as string,
  };
}
