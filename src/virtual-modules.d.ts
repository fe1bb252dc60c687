/** Modules made by stepdocs' own Vite plugins. */
declare module 'virtual:stepdocs/widgets' {
  /** Hash of the published widget bundles in a build, `dev` under `astro dev`. */
  export const WIDGETS_VERSION: string;
  /** `sha384-…` of each published module, by name (`stepdocs-login-url`). */
  export const WIDGETS_INTEGRITY: Record<string, string>;
}

declare namespace App {
  interface Locals {
    /** Widget modules a page has already added a script tag for (see src/astro/widget-modules.ts). */
    widgetModules?: Set<import('./astro/widget-modules').WidgetModule>;
  }
}
