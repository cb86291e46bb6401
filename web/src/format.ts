// How figures read in Vietnam: 1.234.567 đ, 3,5, dd/mm/yyyy, times in Vietnam's (UTC+7).

//! Whole numbers with dots between thousands: 1234567 → "1.234.567".
export function grouped(value: number): string {
  if (!Number.isFinite(value)) return '';
  const negative = value < 0;
  const digits = Math.trunc(Math.abs(value)).toString();
  const withDots = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return (negative ? '-' : '') + withDots;
}

//! Money in whole đồng: "1.234.567 đ".
export function money(value: number): string {
  return grouped(value) + ' đ';
}

//! A decimal with a decimal comma and no dots between thousands (as the app writes it: a dot
//! typed back would read as a decimal point): 1234.5 → "1234,5".
export function decimal(value: number, digits = 6): string {
  if (!Number.isFinite(value)) return '';
  let text = value.toFixed(digits);
  if (text.includes('.')) text = text.replace(/0+$/, '').replace(/\.$/, '');
  return text.replace('.', ',');
}

//! "2026-03-09" → "09/03/2026"; anything else comes back as it is.
export function date(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

//! An RFC 3339 time as Vietnam reads it: "09/03/2026 14:05".
export function dateTime(rfc3339: string): string {
  const ms = Date.parse(rfc3339);
  if (Number.isNaN(ms)) return rfc3339;
  const local = new Date(ms + 7 * 3600 * 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(local.getUTCDate())}/${two(local.getUTCMonth() + 1)}/${local.getUTCFullYear()} ` +
    `${two(local.getUTCHours())}:${two(local.getUTCMinutes())}`;
}

//! A camera's own time as it wrote it, in its own zone: "2026-10-12T09:14:05+07:00" →
//! "12/10/2026 09:14" (no conversion: the time the person saw on the phone's clock).
export function cameraTime(text: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(text);
  return m ? `${m[3]}/${m[2]}/${m[1]} ${m[4]}:${m[5]}` : text;
}

//! "dd/mm/yyyy" typed by a person → "yyyy-mm-dd"; a year stays a year; null when neither.
export function parseDayOrYear(text: string): string | null {
  const s = text.trim();
  if (/^\d{4}$/.test(s)) return s;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (!m) return /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : null;
  return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
}

//! Text for search without diacritics: "Hợp tác xã Đồng Tâm" → "hop tac xa dong tam".
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'd').toLowerCase();
}

//! A day typed as dd/mm/yyyy as the RFC 3339 time its Vietnamese midnight is; `after` gives the
//! next midnight (an exclusive end). null when the text is not such a day.
export function vietnamMidnight(text: string, after = false): string | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!m) return null;
  const day = Number(m[1]), month = Number(m[2]), year = Number(m[3]);
  const utc = Date.UTC(year, month - 1, day + (after ? 1 : 0)) - 7 * 3600 * 1000;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return null;
  return new Date(utc).toISOString();
}
