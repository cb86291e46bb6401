// The registers' shapes (docs/protocol.md, "Registers") and the duplicate decisions.
import { download, getJson, postFile, postJson, query } from './api';

export interface Facility {
  id: string; name: string; legal_form: string; sector: string; province: string; commune?: string | null;
  village?: string | null; representative?: string | null; phone?: string | null; workforce?: number | null;
  products?: string | null; latitude?: number | null; longitude?: number | null;
}
export interface Project {
  id: string; code: string; title: string; year: number; funding_source: string; activity_type: string;
  province: string; status: string; status_reason?: string | null; extension_funding: number;
  counterpart_capital: number; investment_attracted: number; jobs_created: number; people_trained: number;
  beneficiaries: string[];
}
export interface Flagged { facility: Facility; candidates: { facility: Facility; reason: string; distance_m?: number }[] }

export const facilities = (q: string, after?: string | null) =>
  getJson<{ facilities: Facility[]; next: string | null }>('/v1/facilities' + query({ q, after, limit: 50 }));
export const projects = (q: string, after?: string | null) =>
  getJson<{ projects: Project[]; next: string | null }>('/v1/projects' + query({ q, after, limit: 50 }));
export const flaggedFacilities = () => getJson<{ facilities: Flagged[] }>('/v1/facility-duplicates').then((a) => a.facilities);
export const keepApart = (id: string) => postJson(`/v1/facilities/${id}/keep`, {});
export const merge = (duplicate: string, into: string) => postJson(`/v1/facilities/${duplicate}/merge`, { into });

//! The fields shown side by side, in the order a reviewer compares them.
export const facilityFields: { key: keyof Facility; label: string }[] = [
  { key: 'name', label: 'Name' }, { key: 'legal_form', label: 'Legal form' }, { key: 'sector', label: 'Sector' },
  { key: 'commune', label: 'Commune' }, { key: 'village', label: 'Village' },
  { key: 'representative', label: 'Representative' }, { key: 'phone', label: 'Phone' },
  { key: 'workforce', label: 'Workers' }, { key: 'products', label: 'Products' },
  { key: 'latitude', label: 'Latitude' }, { key: 'longitude', label: 'Longitude' },
];

//! A CSV or an Excel workbook of the register, checked row by row and imported all or nothing.
export async function importRegister(which: 'facilities' | 'projects', file: File): Promise<{ imported: number }> {
  const workbook = file.name.toLowerCase().endsWith('.xlsx');
  return postFile(`/v1/registers/${which}/import`, await file.arrayBuffer(),
    workbook ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8');
}
export const registerTemplate = (which: 'facilities' | 'projects') =>
  download(`/v1/registers/templates/${which}.xlsx`, `mau-${which}.xlsx`);
export const registerExport = (which: 'facilities' | 'projects') => download(`/v1/registers/${which}.xlsx`, `${which}.xlsx`);
