/** One numbered schema change, written for each dialect. Applied in order, each in its own transaction. */
export interface Migration {
  version: number;
  name: string;
  sqlite: string;
  postgres: string;
}
