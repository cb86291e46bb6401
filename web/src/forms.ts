// Published forms and their definitions, fetched once per page load.
import { getJson } from './api';
import type { FormDefinition, Text } from './answers';

export interface PublishedForm { id: string; version: number; title: Text; versions?: number[]; questions?: number }
let published: Promise<PublishedForm[]> | null = null;
const definitions = new Map<string, Promise<FormDefinition>>();

export function publishedForms(fresh = false): Promise<PublishedForm[]> {
  if (fresh) published = null;
  published ??= getJson<{ forms: PublishedForm[] }>('/v1/forms').then((a) => a.forms)
    .catch((e: unknown) => { published = null; throw e; });
  return published;
}

export function formDefinition(id: string, version: number): Promise<FormDefinition> {
  const key = `${id}@${version}`;
  let found = definitions.get(key);
  if (!found) {
    found = getJson<{ definition: FormDefinition }>(`/v1/forms/${encodeURIComponent(id)}/versions/${version}`)
      .then((a) => a.definition);
    found.catch(() => definitions.delete(key));
    definitions.set(key, found);
  }
  return found;
}
