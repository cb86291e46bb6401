// Names for the codes stored in records, in the app's words (qml/Codes.qml says the same
// English; the glossary gives both the same Vietnamese).
import { t } from './i18n';

const states: Record<string, string> = {
  submitted: 'Awaiting review', approved: 'Approved', returned: 'Returned for correction', rejected: 'Rejected',
};
export const reviewStates = ['submitted', 'returned', 'approved', 'rejected'] as const;
export function stateName(code: string): string { return states[code] ? t(states[code]!) : code; }

const orders: Record<string, string> = {
  newest: 'Newest first', oldest: 'Oldest first (the longest waiting)', changed: 'Last changed first',
};
export function orderName(code: string): string { return orders[code] ? t(orders[code]!) : code; }

const roles: Record<string, string> = {
  admin: 'Administrator', reviewer: 'Reviewer', officer: 'Field officer', collaborator: 'Collaborator',
};
export function roleName(code: string): string { return roles[code] ? t(roles[code]!) : code; }

const sources: Record<string, string> = { national: 'National extension', local: 'Local extension' };
export function fundingSourceName(code: string): string { return sources[code] ? t(sources[code]!) : code; }

const statuses: Record<string, string> = {
  planned: 'Planned', in_progress: 'In progress', completed: 'Completed', stalled: 'Stalled', cancelled: 'Cancelled',
};
export const projectStatuses = Object.keys(statuses);
export function projectStatusName(code: string): string { return statuses[code] ? t(statuses[code]!) : code; }

const activities: Record<string, string> = {
  advanced_machinery: 'Advanced machinery', demonstration_model: 'Demonstration model',
  technology_transfer: 'Technology transfer', cleaner_production: 'Cleaner production',
  vocational_training: 'Vocational training', trade_fair: 'Trade fair', brand_registration: 'Brand registration',
  packaging_design: 'Packaging design', management_capacity: 'Management capacity', study_tour: 'Study tour',
  investment_consulting: 'Investment consulting', industrial_cluster: 'Industrial cluster',
};
export const activityTypes = Object.keys(activities);
export function activityName(code: string): string { return activities[code] ? t(activities[code]!) : code; }

const legalForms: Record<string, string> = {
  cooperative: 'Cooperative', limited_company: 'Limited company', private_enterprise: 'Private enterprise',
  household_business: 'Household business',
};
export const legalFormCodes = Object.keys(legalForms);
export function legalFormName(code: string): string { return legalForms[code] ? t(legalForms[code]!) : code; }

const sectors: Record<string, string> = {
  agro_forestry_processing: 'Agricultural and forestry processing', building_materials: 'Building materials',
  handicrafts: 'Handicrafts', mechanics: 'Mechanics', seafood_processing: 'Seafood processing', other: 'Other',
};
export const sectorCodes = Object.keys(sectors);
export function sectorName(code: string): string { return sectors[code] ? t(sectors[code]!) : code; }
