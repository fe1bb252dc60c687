import { describe, expect, it } from 'vitest';
import { isoDay, longDate } from '../../src/lib/dates';

describe('dates', () => {
  it('writes the calendar date as written, in English, whatever the time zone of the build', () => {
    expect(longDate(new Date('2026-11-28'))).toBe('November 28, 2026');
    expect(longDate(new Date('2026-01-01'))).toBe('January 1, 2026');
    expect(longDate(new Date('2026-11-28'))).toBe('November 28, 2026');
    expect(isoDay(new Date('2026-01-01'))).toBe('2026-01-01');
  });
});
