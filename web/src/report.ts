// The programme report's shape (docs/protocol.md, "Programme reports") and its filters.
import { parseDayOrYear } from './format';

export interface Money { projects: number; extension_funding: number; counterpart_capital: number; investment_attracted: number }
export interface Report {
  period: { from: string; to: string };
  provinces: { code: string; name: string }[];
  projects: { total: number; by_status: Record<string, number>;
    stalled_or_cancelled: { code: string; title: string; year: number; province: string; status: string; reason: string }[] };
  not_carried_out: { planned: Money; cancelled: Money };
  money: { total: Money; by_funding_source: Record<string, Money>; by_activity_type: Record<string, Money>; by_year: Record<string, Money> };
  facilities_supported: number; jobs_created: number; people_trained: number; fair_participations: number;
  surveys: number; monitoring_visits: number; progress_reports: number;
  equipment: { handovers: number; items: number; value: number };
  typical_products: { total: number; by_level: Record<string, number>; facilities: number };
}
export interface ReportFilters { from: string; to: string; source: string; provinces: string }

//! The query the server takes, or the name of the filter a person must fix.
export function reportQuery(filters: ReportFilters): { query: Record<string, string> } | { wrong: 'from' | 'to' } {
  const from = filters.from.trim() ? parseDayOrYear(filters.from) : '';
  if (from === null) return { wrong: 'from' };
  const to = filters.to.trim() ? parseDayOrYear(filters.to) : '';
  if (to === null) return { wrong: 'to' };
  return { query: { from, to, source: filters.source, provinces: filters.provinces } };
}
