'use client';

let context: AudioContext | null = null;

/** The page's audio context, made on first use (browsers start it suspended until a user gesture). */
function audio(): AudioContext | null {
  if (typeof window === 'undefined' || typeof window.AudioContext === 'undefined') return null;
  context ??= new window.AudioContext();
  return context;
}

/** Lets later chimes play: call from a click (browsers only start audio after a user gesture). */
export function unlockSound(): void {
  void audio()
    ?.resume()
    .catch(() => {});
}

/**
 * A short two-note chime made with the Web Audio API (no audio file): two sine tones with a soft
 * attack and decay so it does not click. Silently does nothing when audio is not allowed yet.
 */
export function playChime(): void {
  const ctx = audio();
  if (!ctx) return;
  if (ctx.state === 'suspended') void ctx.resume().catch(() => {});
  const start = ctx.currentTime + 0.01;
  for (const [offset, frequency] of [
    [0, 880],
    [0.12, 1318.5],
  ] as const) {
    const oscillator = ctx.createOscillator();
    const gain = ctx.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = frequency;
    const at = start + offset;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.15, at + 0.015);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.25);
    oscillator.connect(gain).connect(ctx.destination);
    oscillator.start(at);
    oscillator.stop(at + 0.26);
  }
}
