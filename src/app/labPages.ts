/**
 * The lazily loaded lab pages, one React.lazy per lab, made again on a
 * retry: React caches a lazy component's failed import for good, so a lab
 * whose chunk failed to load (offline, a new deployment) could never load
 * again without a full reload.
 */
import { lazy, type LazyExoticComponent } from 'react';
import type { LabPage, LabRoute } from './routes';

const pages = new Map<string, LazyExoticComponent<LabPage>>();

/** The lazy page of a lab (null for a lab still to come). */
export function labPage(route: LabRoute): LazyExoticComponent<LabPage> | null {
  if (!route.load) return null;
  let page = pages.get(route.path);
  if (!page) {
    page = lazy(route.load);
    pages.set(route.path, page);
  }
  return page;
}

/** Forgets a lab's page so the next render imports its chunk afresh. */
export function forgetLabPage(path: string): void {
  pages.delete(path);
}

/** Whether an error is a chunk that did not load, rather than a bug in the lab. */
export function isLoadError(error: Error): boolean {
  return /dynamically imported module|preload CSS|Failed to fetch|Importing a module script failed|error loading dynamically/i.test(
    error.message,
  );
}
