import { initial } from './001-initial.ts';
import { locations } from './005-locations.ts';
import type { Migration } from './migration.ts';

/** Every migration, in order. Append only: a released migration is never edited. */
export const MIGRATIONS: readonly Migration[] = [initial, locations];
