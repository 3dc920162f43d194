import { describe, expect, it } from 'vitest';
import { keepShellKeys } from './labLink';

describe('keepShellKeys', () => {
  it("keeps present=1 through a lab's rewrite that does not know it", () => {
    expect(keepShellKeys('exp=noise&present=1', 'exp=capacity&units=60')).toBe(
      'exp=capacity&units=60&present=1',
    );
    expect(keepShellKeys('present=1', '')).toBe('present=1');
  });
  it('adds nothing the lab already wrote, and nothing else of the old link', () => {
    expect(keepShellKeys('present=1&size=16', 'size=20&present=1')).toBe('size=20&present=1');
    expect(keepShellKeys('size=16&backend=cpu', 'size=20')).toBe('size=20');
    expect(keepShellKeys('', 'size=20')).toBe('size=20');
  });
});
