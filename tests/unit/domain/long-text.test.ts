import { describe, expect, it } from 'vitest';
import { clip, textSize } from '../../../src/domain/long-text';

describe('long values', () => {
  it('cuts without splitting a character of two UTF-16 units', () => {
    expect(clip('焦作市', 2)).toBe('焦作');
    expect(clip('a𠀀b', 2)).toBe('a');
    expect(clip('abc', 5)).toBe('abc');
  });
  it('says how long a value is in words a planner reads', () => {
    expect(textSize(2_000_000)).toBe('2.0 million characters');
    expect(textSize(25_000)).toBe('25 thousand characters');
    expect(textSize(2_000_000, 'zh')).toBe('200.0 万个字符');
    expect(textSize(12, 'zh')).toBe('12 个字符');
  });
});
