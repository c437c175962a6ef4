/**
 * The contract's validation messages are English sentences (the API answers them as
 * `validation_failed` issues, and zod produces the same ones in the browser). This finds the
 * translated message for the ones we know: a key of the `common.issues` messages and its values.
 * Anything else is shown as the API wrote it.
 */
export type IssueMessage = { key: string; values?: Record<string, string | number> };

const RULES: [RegExp, (match: RegExpExecArray) => IssueMessage][] = [
  [/^Must be a time from 00:00 to 2[34]:[0-9]{2}$/, () => ({ key: 'time' })],
  [/^Must be an IANA time zone/, () => ({ key: 'timeZone' })],
  [/^(Must be a date such as|Not a calendar date)/, () => ({ key: 'date' })],
  [/^Must be a date and time such as/, () => ({ key: 'dateTime' })],
  [/^Must be in the future$/, () => ({ key: 'future' })],
  [/^Must be at most (\d+) days ahead$/, (m) => ({ key: 'maxDaysAhead', values: { days: Number(m[1]) } })],
  // A holiday or special day whose shape fails as a whole: in the form, only a cleared date does that.
  [/^Must be \{ date, closed: true \}/, () => ({ key: 'date' })],
  [/^Overlaps (weekly|intervals)\[\d+\]/, () => ({ key: 'overlaps' })],
  [/^Same date as exceptions\[\d+\]/, () => ({ key: 'duplicateDate' })],
  [/^Must be a slash and 1–32 letters/, () => ({ key: 'shortcut' })],
  [/^Must be a vector store id/, () => ({ key: 'vectorStoreId' })],
  [/^Vector store ids must be unique/, () => ({ key: 'unique' })],
  [/^Must be an http\(s\) URL/, () => ({ key: 'baseUrl' })],
  [/^Vector stores \(file_search\) need the responses backend/, () => ({ key: 'vectorStoresNeedResponses' })],
  [/^The per-chat cap cannot exceed the daily cap/, () => ({ key: 'chatCapAboveDaily' })],
  [/^API key must not contain spaces/, () => ({ key: 'noSpaces' })],
  [/^(API key is empty|Model is required)$/, () => ({ key: 'required' })],
  [/^Must be a colou?r such as/, () => ({ key: 'color' })],
  [/^Must be a language such as/, () => ({ key: 'language' })],
  [/^One message per language/, () => ({ key: 'oneMessagePerLanguage' })],
  [/^An operator must be assigned at least one site/, () => ({ key: 'operatorNeedsSite' })],
  [/^The current password is incorrect/, () => ({ key: 'currentPassword' })],
  [/^The new password must differ from the current one/, () => ({ key: 'samePassword' })],
  [/^(Not a valid email address|Invalid email address)/, () => ({ key: 'email' })],
  [/^Password must be at least (\d+) characters/, (m) => ({ key: 'minLength', values: { min: Number(m[1]) } })],
  [/^Password must be at most (\d+) bytes/, (m) => ({ key: 'passwordBytes', values: { max: Number(m[1]) } })],
  [/^Too small: expected string to have >=1 characters/, () => ({ key: 'required' })],
  [/^Too small: expected array to have >=1 items/, () => ({ key: 'required' })],
  [/^Too small: expected string to have >=(\d+) characters/, (m) => ({ key: 'minLength', values: { min: Number(m[1]) } })],
  [/^Too big: expected string to have <=(\d+) characters/, (m) => ({ key: 'maxLength', values: { max: Number(m[1]) } })],
  [/^Too big: expected array to have <=(\d+) items/, (m) => ({ key: 'maxItems', values: { max: Number(m[1]) } })],
  [/^Too small: expected number to be >=(\d+)/, (m) => ({ key: 'min', values: { min: Number(m[1]) } })],
  [/^Too big: expected number to be <=(\d+)/, (m) => ({ key: 'max', values: { max: Number(m[1]) } })],
  [/^Invalid input: expected (number|int)/, () => ({ key: 'number' })],
];

export function issueMessage(message: string): IssueMessage | null {
  for (const [pattern, toMessage] of RULES) {
    const match = pattern.exec(message);
    if (match) return toMessage(match);
  }
  return null;
}
