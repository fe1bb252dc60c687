/**
 * For embed pages: applies `?region=`, `?value=` and `?expect=` to the widget on the page, and tells
 * the embedding page its height (`{ type: 'stepdocs:height', height }`, nothing else) so an iframe can
 * grow to fit. The message goes to the embedding page's origin only: the `parent-origin` query
 * parameter the vendor sets, else the origin the browser gives as the referrer; without either it is
 * not sent.
 */
const params = new URLSearchParams(location.search);
const widget = document.querySelector('stepdocs-login-url, stepdocs-metadata-checker');
for (const name of ['region', 'value', 'expect']) {
  const value = params.get(name);
  if (widget && value !== null) widget.setAttribute(name, value);
}

/** An http(s) origin as written (`https://admin.example.com`), or undefined for anything else. */
function originOf(text: string | null): string | undefined {
  if (!text || !URL.canParse(text)) return undefined;
  const url = new URL(text);
  return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : undefined;
}

const parentOrigin = originOf(params.get('parent-origin')) ?? originOf(document.referrer);

if (window.parent !== window && parentOrigin) {
  let last = 0;
  const report = () => {
    const height = Math.ceil(document.documentElement.scrollHeight);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: 'stepdocs:height', height }, parentOrigin);
  };
  new ResizeObserver(report).observe(document.body);
  report();
}
