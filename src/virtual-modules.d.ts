/** Modules made by stepdocs' own Vite plugins. */
declare module 'virtual:stepdocs/widgets' {
  /** Hash of the published widget bundles in a build, `dev` under `astro dev`. */
  export const WIDGETS_VERSION: string;
}
