import { describe, expect, it } from 'vitest';
import { createPersisted, defaultStorage, readJsonFile, type StorageLike } from './persist';

class MemoryStorage implements StorageLike {
  map = new Map<string, string>();
  quota = Infinity;
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    if (v.length > this.quota) {
      const e = new Error('quota');
      e.name = 'QuotaExceededError';
      throw e;
    }
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}

interface Memory {
  size: number;
  names: string[];
}
const validate = (raw: unknown): Memory | null => {
  const r = raw as Partial<Memory> | null;
  return r && typeof r.size === 'number' && Array.isArray(r.names) ? (r as Memory) : null;
};

describe('createPersisted', () => {
  it('saves, loads and clears under engram:<key>', () => {
    const s = new MemoryStorage();
    const p = createPersisted('hopfield', 1, validate, s);
    expect(p.load()).toEqual({ value: null, error: null });
    expect(p.save({ size: 16, names: ['A'] })).toBeNull();
    expect(JSON.parse(s.map.get('engram:hopfield')!)).toEqual({
      v: 1,
      data: { size: 16, names: ['A'] },
    });
    expect(p.load()).toEqual({ value: { size: 16, names: ['A'] }, error: null });
    p.clear();
    expect(s.map.size).toBe(0);
  });

  it('returns null and a reason for corrupt, invalid or other-version data', () => {
    const s = new MemoryStorage();
    const p = createPersisted('hopfield', 2, validate, s);
    for (const text of ['{not json', '"a string"', 'null', '[]', '{"v":2}']) {
      s.map.set('engram:hopfield', text);
      const r = p.load();
      expect(r.value, text).toBeNull();
      expect(r.error, text).toMatch(/damaged/);
    }
    s.map.set('engram:hopfield', JSON.stringify({ v: 1, data: { size: 1, names: [] } }));
    expect(p.load().error).toMatch(/another version of Engram \(format 1, this one reads 2\)/);
    s.map.set('engram:hopfield', JSON.stringify({ v: 2, data: { size: 'big' } }));
    expect(p.load().error).toMatch(/did not look right/);
  });

  it('treats a throwing validator as a rejection', () => {
    const s = new MemoryStorage();
    const p = createPersisted<Memory>(
      'k',
      1,
      () => {
        throw new Error('boom');
      },
      s,
    );
    s.map.set('engram:k', '{"v":1,"data":{}}');
    expect(p.load()).toEqual({ value: null, error: expect.stringMatching(/did not look right/) });
  });

  it('reports a full storage instead of throwing', () => {
    const s = new MemoryStorage();
    s.quota = 10;
    const p = createPersisted('hopfield', 1, validate, s);
    expect(p.save({ size: 16, names: [] })).toMatch(/storage is full/);
  });

  it('reports values that cannot be written as JSON', () => {
    const p = createPersisted<unknown>('k', 1, (x) => x, new MemoryStorage());
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(p.save(cyclic)).toMatch(/Could not save k/);
    expect(p.save({ n: 10n })).toMatch(/Could not save k/);
  });

  it('survives a storage whose every call throws', () => {
    const bad: StorageLike = {
      getItem() {
        throw new Error('SecurityError');
      },
      setItem() {
        throw new Error('SecurityError');
      },
      removeItem() {
        throw new Error('SecurityError');
      },
    };
    const p = createPersisted('k', 1, validate, bad);
    expect(p.load()).toEqual({ value: null, error: 'Could not read saved k: SecurityError' });
    expect(p.save({ size: 1, names: [] })).toBe('Could not save k: SecurityError');
    expect(() => p.clear()).not.toThrow();
  });

  it('works without storage (null) and says so on save', () => {
    const p = createPersisted('k', 1, validate, null);
    expect(p.load()).toEqual({ value: null, error: null });
    expect(p.save({ size: 1, names: [] })).toMatch(/does not allow saving/);
  });

  it('defaults to globalThis.localStorage, guarding a throwing getter', () => {
    const g = globalThis as { localStorage?: unknown };
    const had = Object.getOwnPropertyDescriptor(g, 'localStorage');
    try {
      const mem = new MemoryStorage();
      Object.defineProperty(g, 'localStorage', { value: mem, configurable: true });
      expect(defaultStorage()).toBe(mem);
      createPersisted('x', 1, validate).save({ size: 2, names: [] });
      expect(mem.map.has('engram:x')).toBe(true);
      Object.defineProperty(g, 'localStorage', {
        get() {
          throw new Error('denied');
        },
        configurable: true,
      });
      expect(defaultStorage()).toBeNull();
      expect(createPersisted('x', 1, validate).load()).toEqual({ value: null, error: null });
    } finally {
      if (had) Object.defineProperty(g, 'localStorage', had);
      else delete g.localStorage;
    }
  });
});

describe('readJsonFile', () => {
  const file = (text: string, name = 'patterns.json') => new File([text], name);

  it('parses and validates', async () => {
    const r = await readJsonFile(file('{"size":8,"names":["A"]}'), validate);
    expect(r).toEqual({ value: { size: 8, names: ['A'] }, error: null });
  });

  it('names the file in a clear error for non-JSON and wrong JSON', async () => {
    expect((await readJsonFile(file('PNG...'), validate)).error).toMatch(
      /^"patterns.json" is not a JSON file/,
    );
    expect((await readJsonFile(file('{"a":1}'), validate)).error).toMatch(/not the kind of file/);
    expect((await readJsonFile(new Blob(['']), validate)).error).toMatch(
      /^The file is not a JSON file/,
    );
  });
});
