import type { Incident } from '../domain/records.ts';
import type { Store } from '../store/store.ts';

/** Past incidents a page at a time, newest first: one bounded query, whatever the history length. */
export const PAST_PER_PAGE = 20;

export async function loadPastIncidents(store: Store, page: number): Promise<{ items: Incident[]; total: number; pages: number }> {
  const { items, total } = await store.listIncidents({
    state: 'resolved',
    limit: PAST_PER_PAGE,
    offset: (page - 1) * PAST_PER_PAGE,
  });
  return { items, total, pages: Math.max(1, Math.ceil(total / PAST_PER_PAGE)) };
}

export async function loadIncident(store: Store, id: string): Promise<Incident | null> {
  return store.getIncident(id);
}
