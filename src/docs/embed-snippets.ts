/**
 * The HTML snippets the "Writing guides" page shows for embedding the widgets elsewhere. Kept out
 * of the .astro file: Vite's dependency scanner reads `<script>` inside a template string as a tag.
 */
export function embedSnippets(absolute: (path: string) => string) {
  const iframeSnippet = `<iframe src="${absolute('embed/login-url/')}?region=eu"
        title="Keeper Login URL calculator" width="100%" height="420"
        style="border: 0; max-width: 48rem"></iframe>`;
  const resizeSnippet = `<script>
  // Optional: let the frame grow to fit its content.
  addEventListener('message', (event) => {
    if (event.origin !== '${new URL(absolute('')).origin}' || event.data?.type !== 'stepdocs:height') return;
    for (const frame of document.querySelectorAll('iframe')) {
      if (frame.contentWindow === event.source) frame.height = event.data.height;
    }
  });
</script>`;
  const moduleSnippet = `<script type="module" src="${absolute('widgets/stepdocs-login-url.js')}"></script>

<stepdocs-login-url region="eu"></stepdocs-login-url>`;
  const checkerIframeSnippet = `<iframe src="${absolute('embed/metadata-checker/')}"
        title="SAML metadata checker" width="100%" height="640"
        style="border: 0; max-width: 48rem"></iframe>`;
  const checkerModuleSnippet = `<script type="module" src="${absolute('widgets/stepdocs-metadata-checker.js')}"></script>

<stepdocs-metadata-checker expect="idp"></stepdocs-metadata-checker>`;
  return { iframeSnippet, resizeSnippet, moduleSnippet, checkerIframeSnippet, checkerModuleSnippet };
}
