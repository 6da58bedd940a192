import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The bundle src/scripts/build-console.mjs wrote into dist/console, held in memory (about 1.7 MB). */
export interface ConsoleAssets {
  /** The bundle's input hash: asset URLs carry it so browsers may cache them for good. */
  version: string;
  files: Record<'console.js' | 'console.css', Buffer>;
}

export const CONSOLE_ASSETS = Symbol('CONSOLE_ASSETS');

/** Null when the bundle has not been built (`npm start` and `npm run build` build it). */
export function loadConsoleAssets(dir: string): ConsoleAssets | null {
  const stamp = join(dir, '.stamp');
  const js = join(dir, 'console.js');
  const css = join(dir, 'console.css');
  if (![stamp, js, css].every((f) => existsSync(f))) return null;
  return {
    version: readFileSync(stamp, 'utf8').trim().slice(0, 16),
    files: { 'console.js': readFileSync(js), 'console.css': readFileSync(css) },
  };
}
