import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { watchFields } from './watch';

describe('watchFields', () => {
  it('fires only when a watched field changes, whoever changed it', () => {
    const s = createStore(() => ({ rule: 'hebbian', patterns: [1], speed: 5 }));
    const seen: string[] = [];
    const off = watchFields(s, ['rule', 'patterns'], (st) => seen.push(st.rule));
    s.setState({ speed: 6 });
    s.setState({ rule: 'storkey' });
    s.setState({ patterns: [1, 2] });
    off();
    s.setState({ rule: 'hebbian' });
    expect(seen).toEqual(['storkey', 'storkey']);
  });
});
