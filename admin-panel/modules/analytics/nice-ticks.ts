/**
 * Axis ticks people read at a glance: from 0 up past `max` in equal "nice" steps (1, 2 or 5 times
 * a power of ten: 0 / 0.5 / 1 / 1.5, 0 / 20 / 40 / 60), about `count` of them. `integer`: steps of
 * at least 1 (counts of chats). With nothing to show (max 0), 0 and one step.
 */
export function niceTicks(max: number, count = 4, integer = false): number[] {
  const top = Number.isFinite(max) && max > 0 ? max : 1;
  let step = niceStep(top / Math.max(1, count));
  if (integer) step = Math.max(1, Math.round(step));
  const ticks: number[] = [];
  for (let i = 0; ; i++) {
    // Rounded to the step's decimals, so 0.1 + 0.2 shows as 0.3.
    const value = Number((i * step).toFixed(decimals(step)));
    ticks.push(value);
    if (value >= top) break;
  }
  return ticks;
}

function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/** The decimals a tick of this step needs (0.05 → 2), so labels never round two ticks alike. */
export function decimals(step: number): number {
  return Math.max(0, -Math.floor(Math.log10(step)));
}
