/**
 * The lab kit's lifecycle: what every lab page does when it opens and when
 * it is left, written once.
 *
 *   const lab = useLabLifecycle(() => makeLab(query));  // once per page
 *
 * On mount it calls `start`, mirrors the settings into the link (so a copied
 * URL reproduces the view) and binds the one-key shortcuts; on leaving it
 * undoes both and calls `dispose`, which frees the lab's runners, tensors
 * and kernel memory. `createLabHooks` gives each lab its React context and
 * store selectors, so components read small slices of the store.
 */
import {
  createContext,
  createElement,
  useContext,
  useEffect,
  useState,
  type ReactNode,
} from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { StoreApi } from 'zustand/vanilla';
import { parseHash } from '../core/paramLink';
import { bindShortcuts, mirrorToLink } from './labLink';

export interface LabLifecycle<S> {
  store: StoreApi<S>;
  /** The lab's route, e.g. '/hopfield'. */
  path: string;
  /** The query that reproduces the view; `current` is the link's query now (to keep `backend=`). */
  linkQuery?(state: S, current: string): string;
  /** Only these changes rewrite the link (default: every change). */
  linkWhen?(state: S, prev: S): boolean;
  /** A plain key press (KeyboardEvent.key); true when the lab handled it. */
  onKey?(key: string): boolean;
  /** After the page mounts: start runners, publish first results. */
  start?(): void;
  /** On leaving: free runners, tensors, kernel blocks, subscriptions. */
  dispose(): void;
}

/**
 * Labs whose page unmounted in this task: their dispose waits for a
 * microtask, so React's StrictMode (which, in development, unmounts and
 * mounts every effect once more at once) keeps the same lab running instead
 * of disposing it and starting a dead one.
 */
const leaving = new Map<object, { cancelled: boolean }>();

/** Makes the lab once, runs its lifecycle with the page, and returns it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function useLabLifecycle<L extends LabLifecycle<any>>(make: () => L): L {
  const [lab] = useState(make);
  useEffect(() => {
    const pending = leaving.get(lab);
    if (pending) {
      pending.cancelled = true; // StrictMode's second mount: the lab never stopped
      leaving.delete(lab);
    } else {
      lab.start?.();
    }
    const undo: (() => void)[] = [];
    if (lab.linkQuery) {
      const query = lab.linkQuery.bind(lab);
      undo.push(
        mirrorToLink(lab.store, lab.path, (s) => query(s, parseHash(window.location.hash).query), {
          when: lab.linkWhen?.bind(lab),
        }),
      );
    }
    if (lab.onKey) undo.push(bindShortcuts(lab.onKey.bind(lab)));
    return () => {
      for (const u of undo) u();
      const leave = { cancelled: false };
      leaving.set(lab, leave);
      queueMicrotask(() => {
        if (leave.cancelled) return;
        leaving.delete(lab);
        lab.dispose();
      });
    };
  }, [lab]);
  return lab;
}

/** A lab's React context and store hooks: `const { LabCtx, useLab } = createLabHooks<Ctx, State>('Classic')`. */
export function createLabHooks<Ctx extends { store: StoreApi<S> }, S>(labName: string) {
  const LabCtx = createContext<Ctx | null>(null);

  function useLabContext(): Ctx {
    const ctx = useContext(LabCtx);
    if (!ctx) throw new Error(`useLabContext outside the ${labName} lab`);
    return ctx;
  }

  /** Reads one slice of the lab store; the component re-renders only when it changes. */
  function useLab<T>(selector: (s: S) => T): T {
    return useStore(useLabContext().store, selector);
  }

  /** Like useLab for a selector that builds an object: compares it field by field. */
  function useLabShallow<T extends object>(selector: (s: S) => T): T {
    return useStore(useLabContext().store, useShallow(selector));
  }

  /**
   * Several fields of the store by name, for a component that reads a few:
   * `const { rule, size } = useLabFields('rule', 'size')`; it re-renders
   * only when one of them changes (as one useLab per field would).
   */
  function useLabFields<K extends keyof S>(...keys: K[]): Pick<S, K> {
    return useStore(
      useLabContext().store,
      useShallow((s: S) => Object.fromEntries(keys.map((k) => [k, s[k]])) as Pick<S, K>),
    );
  }

  /**
   * The page's root, written once: makes the lab and runs its lifecycle
   * (useLabLifecycle), gives it to the components below and wraps them in
   * a `<div className>`:
   *   <LabRoot make={() => makeLab(query)} className="cl-lab">…</LabRoot>
   */
  function LabRoot(props: {
    make: () => Ctx & LabLifecycle<S>;
    className: string;
    children?: ReactNode;
  }) {
    const lab = useLabLifecycle(props.make);
    const page = createElement('div', { className: props.className }, props.children);
    return createElement(LabCtx.Provider, { value: lab }, page);
  }

  return { LabCtx, LabRoot, useLabContext, useLab, useLabShallow, useLabFields };
}
