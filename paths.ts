import * as path from 'path';

/** The project's root folder (this file compiles to `dist/paths.js`). */
export const PROJECT_ROOT = path.resolve(__dirname, '..');

/** Folder of the `de` and `en` locale namespaces. */
export const LOCALES_DIR = path.join(PROJECT_ROOT, 'locales');

/** Folder of static web assets (help page, agent console). */
export const PUBLIC_DIR = path.join(PROJECT_ROOT, 'public');

/** Build-time files the server serves: brotli and gzip copies of the web assets (`npm run build`). */
export const ASSETS_DIR = path.join(PROJECT_ROOT, 'dist', 'assets');
