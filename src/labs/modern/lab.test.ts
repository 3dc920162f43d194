import { describe, expect, it } from 'vitest';
import { linkQuery, startFromLink } from './link';
import { decodeDrawing, encodeDrawing, parseClasses } from './params';
import { topIndices } from './readout';
import { createModernStore } from './store';
import { classSummary, digitName, regimeText } from './words';

describe('the lab link', () => {
  it('round-trips the settings and a drawing', () => {
    const ink = new Float32Array(784);
    ink[100] = 1;
    ink[101] = 0.4;
    const store = createModernStore({
      k: 300,
      classes: [3, 8],
      beta: 2.5,
      scale: 'none',
      source: 'drawn',
      drawing: ink,
      region: 'square',
    });
    const q = linkQuery(store.getState());
    expect(q).toContain('k=300');
    expect(q).toContain('classes=38');
    const back = startFromLink(q);
    expect(back.warnings).toEqual([]);
    expect(back.init).toMatchObject({
      k: 300,
      classes: [3, 8],
      beta: 2.5,
      scale: 'none',
      source: 'drawn',
      region: 'square',
    });
    expect(back.init.drawing![100]).toBe(1);
    expect(back.init.drawing![101]).toBeCloseTo(0.4, 1);
  });

  it('a bad link opens with defaults and says why', () => {
    const r = startFromLink('k=5&beta=abc&classes=xyz&draw=zz');
    expect(r.init.k).toBe(1000);
    expect(r.init.beta).toBe(20);
    expect(r.init.classes).toHaveLength(10);
    expect(r.warnings.join(' ')).toMatch(/k=5/);
    expect(r.warnings.join(' ')).toMatch(/beta=abc/);
    expect(r.warnings.join(' ')).toMatch(/names no digit class/);
  });

  it('old links still open: the short keys src, draw, ck, ccue and camt', () => {
    const ink = '0'.repeat(300) + 'f8' + '0'.repeat(482);
    const r = startFromLink(`src=drawn&item=12&draw=${ink}&ck=30&ccue=mask-bottom&camt=0.3`);
    expect(r.warnings).toEqual([]);
    expect(r.init).toMatchObject({
      source: 'drawn',
      item: -1, // a drawn cue has no digit of the set behind it
      compareK: 30,
      compareCue: 'mask-bottom',
      compareAmount: 0.3,
    });
    expect(r.init.drawing![300]).toBe(1);
    expect(r.init.drawing![301]).toBeCloseTo(8 / 15, 6);
    const back = linkQuery(createModernStore(r.init).getState());
    expect(back).toBe(`src=drawn&draw=${ink}&ck=30&ccue=mask-bottom&camt=0.3`);
  });

  it('says in words what it could not read, naming what it uses instead', () => {
    const r = startFromLink('classes=xyz&draw=12&src=paper');
    expect(r.warnings).toEqual([
      'classes=xyz names no digit class; using all ten classes.',
      'draw=12 is not a drawing (784 hex digits of ink); using an empty pad.',
      'src=paper is not one of stored, unstored, drawn, own; using stored.',
    ]);
  });

  it('writes only what says something, and keeps the backend', () => {
    const store = createModernStore({ item: 42, beta: 1.234567, drawing: new Float32Array(784) });
    expect(linkQuery(store.getState(), 'backend=wasm&k=5')).toBe('backend=wasm&beta=1.235&item=42');
    const ink = new Float32Array(784).fill(1);
    store.setState({ source: 'stored', drawing: ink });
    expect(linkQuery(store.getState())).toBe('beta=1.235&item=42'); // no ink for a stored cue
    store.setState({ source: 'drawn' });
    expect(linkQuery(store.getState())).toBe(`beta=1.235&src=drawn&draw=${'f'.repeat(784)}`);
  });

  it('a cue from one of your own images never writes its item (it lives on this device)', () => {
    const store = createModernStore({ source: 'own', item: 10_001 });
    expect(linkQuery(store.getState())).toBe('src=own');
    expect(startFromLink('src=own&item=12').init).toMatchObject({ source: 'own', item: -1 });
  });

  it('drawings and classes encode compactly', () => {
    expect(encodeDrawing(new Float32Array(784))).toBe('');
    expect(decodeDrawing('12')).toBeNull();
    expect(parseClasses('9a3 3')).toEqual([3, 9]);
  });
});

describe('what the page says', () => {
  it('top weights, class summaries and regime names', () => {
    expect(topIndices([0.1, 0.5, 0.05, 0.3, 0.05], 3)).toEqual([1, 3, 0]);
    expect(topIndices([0.2, 0.8], 5)).toEqual([1, 0]);
    expect(digitName(8)).toBe('an 8');
    expect(digitName(3)).toBe('a 3');
    const mass = new Array(10).fill(0);
    mass[1] = 0.95;
    mass[7] = 0.05;
    expect(classSummary(mass)).toBe('mostly 1s (95 %)');
    mass[1] = 0.6;
    mass[7] = 0.4;
    expect(classSummary(mass)).toBe('1s 60 %, 7s 40 %');
    expect(
      regimeText({ regime: 'blend', nEff: 12.4, maxWeight: 0.2, classMass: mass }, 1000),
    ).toMatch(/blend.*about 12 similar digits/);
    expect(
      regimeText({ regime: 'average', nEff: 900, maxWeight: 0.002, classMass: mass }, 1000),
    ).toMatch(/over about 900 of the 1,000/);
  });
});
