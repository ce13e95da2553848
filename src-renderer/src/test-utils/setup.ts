import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Whole-app renders (the activity log screen with its histogram, counts and table) can take more
// than the default second on a busy two-core machine when test files run in parallel. This is
// only the longest `findBy…`/`waitFor` waits for; they still return as soon as the UI is ready.
configure({ asyncUtilTimeout: 4000 });

// jsdom lacks a few browser APIs that Mantine relies on.
class MediaQueryListStub extends EventTarget {
  readonly matches = false;
  onchange = null;
  constructor(readonly media: string) {
    super();
  }
}
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  configurable: true,
  value: (query: string) => new MediaQueryListStub(query),
});

class ResizeObserverStub implements ResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
window.ResizeObserver = ResizeObserverStub;

Element.prototype.scrollIntoView = function scrollIntoView() {};
Element.prototype.scrollTo = function scrollTo() {};

afterEach(() => {
  cleanup();
  document.documentElement.removeAttribute('data-app-state');
  window.location.hash = '';
});
