/**
 * An operator without a picture (the message's `authorAvatarUrl`) gets a drawn avatar: the initials of
 * their name in a circle whose colour comes from the name, so one operator keeps one colour.
 */

/** Colours that keep white initials readable (WCAG AA contrast, ≥ 4.5:1). */
const AVATAR_COLORS = ['#b91c1c', '#c2410c', '#a16207', '#15803d', '#0f766e', '#1d4ed8', '#6d28d9', '#be185d'];

/** "Olena Petrenko" → "OP", "олена" → "О", "  " → "?"; whole characters (an emoji or an accent is not cut in half). */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letter = (word: string | undefined) => (word ? ([...word.normalize('NFC')][0] ?? '') : '');
  const result = letter(words[0]) + (words.length > 1 ? letter(words[words.length - 1]) : '');
  return result.toLocaleUpperCase() || '?';
}

/** The avatar colour for a name: the same name, the same colour (a string hash over the palette). */
export function avatarColor(name: string): string {
  let hash = 0;
  for (const char of name.trim().toLowerCase()) hash = (Math.imul(hash, 31) + (char.codePointAt(0) ?? 0)) | 0;
  return AVATAR_COLORS[Math.abs(hash) % AVATAR_COLORS.length] as string;
}
