// A countdown for time-boxed exercises. The model is pure (times are passed in), so it can be
// tested without waiting; the screen ticks it with the real clock.

export const PRESETS_MINUTES = [3, 5, 10, 15, 25] as const;

export type TimerSnapshot = {
  /** The length the timer was set to, in milliseconds. */
  duration: number;
  /** Milliseconds left when last paused or reset. */
  left: number;
  /** When it was last started (ms since epoch), or null while paused. */
  startedAt: number | null;
};

export function newTimer(minutes: number): TimerSnapshot {
  const duration = Math.max(0, Math.round(minutes * 60_000));
  return { duration, left: duration, startedAt: null };
}

export function remaining(t: TimerSnapshot, now: number): number {
  if (t.startedAt === null) return t.left;
  return Math.max(0, t.left - (now - t.startedAt));
}

export function start(t: TimerSnapshot, now: number): TimerSnapshot {
  if (t.startedAt !== null || t.left <= 0) return t;
  return { ...t, startedAt: now };
}

export function pause(t: TimerSnapshot, now: number): TimerSnapshot {
  if (t.startedAt === null) return t;
  return { ...t, left: remaining(t, now), startedAt: null };
}

export function reset(t: TimerSnapshot): TimerSnapshot {
  return { ...t, left: t.duration, startedAt: null };
}

export function isRunning(t: TimerSnapshot, now: number): boolean {
  return t.startedAt !== null && remaining(t, now) > 0;
}

/** "04:59", counting whole seconds up so 0.2 s left still shows 00:01 until it is over. */
export function clock(ms: number): string {
  const seconds = Math.ceil(Math.max(0, ms) / 1000);
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}`;
}
