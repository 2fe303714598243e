/** A log time in the reader's locale; "—" when there is none. */
export function formatTime(iso?: string): string {
  return iso ? new Date(iso).toLocaleString() : '—';
}

/** "85 ms" or, from a second on, "1.3 s". */
export function formatDuration(ms?: number): string {
  if (ms === undefined) {
    return '—';
  }
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
