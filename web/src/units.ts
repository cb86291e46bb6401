// Names of provinces and communes (GET /v1/units), fetched once; a code is shown while they load
// or when a unit is unknown.
import { ref } from 'vue';
import { getJson } from './api';

interface Unit { code: string; name: string; kind: string }
const names = ref<Record<string, string>>({});
let loading: Promise<void> | null = null;

export function loadUnits(): Promise<void> {
  loading ??= getJson<{ units: Unit[] }>('/v1/units')
    .then((answer) => { names.value = Object.fromEntries(answer.units.map((u) => [u.code, u.name])); })
    .catch(() => { loading = null; });
  return loading;
}

//! "Cao Bằng" for "04" (and the code itself until the names arrive).
export function unitName(code: string | null | undefined): string {
  if (!code) return '—';
  void loadUnits();
  return names.value[code] ?? code;
}
