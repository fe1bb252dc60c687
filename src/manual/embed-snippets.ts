/**
 * The HTML snippets the Embedding page shows. Kept out of the .astro file: Vite's dependency scanner
 * reads `<script>` inside a template string as a tag.
 */
export interface EmbedSnippetInput {
  /** Absolute URL of a path of the site. */
  absolute: (path: string) => string;
  /** The immutable folder of this build's modules, and each module's `sha384-…` value. */
  version: string;
  integrity: Record<string, string>;
  major: string;
}

export function embedSnippets({ absolute, version, integrity, major }: EmbedSnippetInput) {
  const vendor = 'https://admin.example.com';
  const pinned = (name: string) => `<script type="module" src="${absolute(`widgets/${version}/${name}.js`)}"
        integrity="${integrity[name] ?? ''}" crossorigin="anonymous"></script>`;
  const iframeSnippet = `<iframe data-stepdocs-embed
        src="${absolute('embed/login-url/')}?region=eu&amp;parent-origin=${encodeURIComponent(vendor)}"
        title="Keeper Login URL calculator" width="100%" height="420"></iframe>

<!-- Optional: let the frame grow to fit its content. -->
${pinned('stepdocs-embed')}`;
  const moduleSnippet = `<script type="module" src="${absolute(`widgets/${major}/stepdocs-login-url.js`)}"></script>

<stepdocs-login-url region="eu" theme="auto"></stepdocs-login-url>`;
  const pinnedSnippet = `${pinned('stepdocs-login-url')}

<stepdocs-login-url region="eu"></stepdocs-login-url>`;
  const checkerIframeSnippet = `<iframe data-stepdocs-embed
        src="${absolute('embed/metadata-checker/')}?parent-origin=${encodeURIComponent(vendor)}"
        title="SAML metadata checker" width="100%" height="640"></iframe>`;
  const checkerModuleSnippet = `${pinned('stepdocs-metadata-checker')}

<stepdocs-metadata-checker expect="idp"></stepdocs-metadata-checker>`;
  const eventSnippet = `<script type="module">
  document.querySelector('stepdocs-login-url').addEventListener('stepdocs-login-url', (event) => {
    if (event.detail.ok) console.log(event.detail.urls.loginUrl);
  });
  document.querySelector('stepdocs-metadata-checker').addEventListener('stepdocs-metadata-check', (event) => {
    console.log(event.detail.verdict, event.detail.counts);
  });
</script>`;
  const themeSnippet = `stepdocs-login-url, stepdocs-metadata-checker {
  --stepdocs-accent: #6d28d9;
  --stepdocs-font: "Inter", system-ui, sans-serif;
  --stepdocs-radius: 2px;
  --stepdocs-space: 1.5rem;
}
stepdocs-login-url::part(copy-button) { font-weight: 600; }`;
  const vendorPolicy = `Content-Security-Policy: default-src 'self';
  script-src 'self' ${new URL(absolute('')).origin};
  style-src 'self';
  worker-src blob: ${new URL(absolute('')).origin};
  frame-src ${new URL(absolute('')).origin}`;
  return { iframeSnippet, moduleSnippet, pinnedSnippet, checkerIframeSnippet, checkerModuleSnippet, eventSnippet, themeSnippet, vendorPolicy };
}
