/** Modules made by stepdocs' own Vite plugins. */
declare module 'virtual:stepdocs/widgets' {
  /** Hash of the published widget bundles in a build, `dev` under `astro dev`. */
  export const WIDGETS_VERSION: string;
}

declare namespace App {
  interface Locals {
    /** Widget modules a page has already added a script tag for (see src/widget-modules.ts). */
    widgetModules?: Set<import('./widget-modules').WidgetModule>;
  }
}
