import type { Catalogue } from '../config/services-schema.ts';
import type { Actor } from '../domain/audit-entry.ts';
import type { Store } from '../store/store.ts';

/**
 * What every staff action receives: its dependencies and who acts from where. Actions are one
 * module per verb taking `{ ctx, input }`; each writes its change and its audit row in one
 * transaction (`store.audited`).
 */
export interface IncidentContext {
  store: Store;
  catalogue: Catalogue;
  clock: () => Date;
  actor: Actor;
}

export const FIELD_ERRORS = [
  'required',
  'required_en',
  'too_long',
  'invalid',
  'unknown_service',
  'no_service',
  'invalid_time',
  'window_order',
  'window_ended',
  'window_too_long',
  'not_found',
  'already_resolved',
  'not_automatic',
  'already_taken_over',
  'take_over_first',
  'already_cancelled',
  'already_ended',
  'not_later',
] as const;
export type FieldError = (typeof FIELD_ERRORS)[number];

/** Problems by form field; `_form` for the action as a whole. */
export type FieldErrors = Partial<Record<string, FieldError>>;

export type ActionResult<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

export function refused<T>(field: string, error: FieldError): ActionResult<T> {
  return { ok: false, errors: { [field]: error } };
}
