/**
 * A table as CSV that Excel opens as it should: a UTF-8 byte-order mark (else Excel reads UTF-8 as
 * the system's code page and Ukrainian turns to mojibake), CRLF line ends, and every field that
 * holds a comma, a quote, a line break or leading/trailing spaces in double quotes, quotes doubled
 * (RFC 4180). A field starting with = + - @ gets a leading apostrophe, so a name cannot run as a
 * spreadsheet formula.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Saves `csv` as a file named `fileName` (a download the browser asks about or stores). */
export function downloadCsv(fileName: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has handed the file over.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
