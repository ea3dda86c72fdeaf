/**
 * A posted staff form as a plain object for the zod schemas: `impact.<serviceId>` selects become
 * an `impacts` map, repeated `services` checkboxes an array. Anything but a form body is refused.
 */
export async function readForm(request: Request): Promise<Record<string, unknown> | null> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) return null;
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return null;
  }
  const fields: Record<string, unknown> = {};
  const impacts: Record<string, string> = {};
  const services: string[] = [];
  for (const [key, value] of form) {
    if (typeof value !== 'string') continue;
    if (key.startsWith('impact.')) impacts[key.slice('impact.'.length)] = value;
    else if (key === 'services') services.push(value);
    else fields[key] = value;
  }
  return { ...fields, impacts, services };
}
