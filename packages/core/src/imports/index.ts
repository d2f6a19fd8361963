// Imports of rosters from files (ESCALE padrón of schools, teachers): pure column mapping, row
// validation and the report shape. Reading files and writing rows live in the server.
export * from './coaches.ts';
export * from './columns.ts';
export * from './fields.ts';
export * from './levels.ts';
export * from './report.ts';
export * from './schools.ts';
export * from './teachers.ts';
export * from './territory.ts';
export * from './text.ts';
