import { formatDuration, formatTime } from './formatLog';

describe('formatLog', () => {
  it('formats durations in ms below a second, in seconds above', () => {
    expect(formatDuration(0)).toBe('0 ms');
    expect(formatDuration(84.6)).toBe('85 ms');
    expect(formatDuration(1250)).toBe('1.3 s');
    expect(formatDuration(undefined)).toBe('—');
  });

  it('formats times in the locale and marks missing ones', () => {
    const iso = '2026-03-10T12:00:00.000Z';
    expect(formatTime(iso)).toBe(new Date(iso).toLocaleString());
    expect(formatTime(undefined)).toBe('—');
  });
});
