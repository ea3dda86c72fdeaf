import type { IncidentTemplate } from '../../domain/templates.ts';
import { readDate, readString, type Row, type SqlExecutor } from './executor.ts';

function toTemplate(row: Row): IncidentTemplate {
  const pair = (name: string) => ({ fr: readString(row[`${name}_fr`]), en: readString(row[`${name}_en`]) });
  return { id: readString(row.id), name: pair('name'), title: pair('title'), body: pair('body'), updatedAt: readDate(row.updated_at) };
}

export async function listTemplates(sql: SqlExecutor): Promise<IncidentTemplate[]> {
  return (await sql.all('SELECT * FROM incident_templates ORDER BY id')).map(toTemplate);
}

/** Replaces a template's words; null when no template has that id. */
export async function saveTemplate(
  sql: SqlExecutor,
  template: Omit<IncidentTemplate, 'updatedAt'>,
  at: Date,
): Promise<IncidentTemplate | null> {
  const changed = await sql.run(
    'UPDATE incident_templates SET name_fr = ?, name_en = ?, title_fr = ?, title_en = ?, body_fr = ?, body_en = ?, updated_at = ? WHERE id = ?',
    [
      template.name.fr,
      template.name.en,
      template.title.fr,
      template.title.en,
      template.body.fr,
      template.body.en,
      sql.time(at),
      template.id,
    ],
  );
  return changed === 0 ? null : { ...template, updatedAt: at };
}
