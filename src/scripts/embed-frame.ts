/**
 * For embed pages: applies `?region=` and `?value=` to the widget on the page, and tells the parent
 * window the page's height (`{ type: 'stepdocs:height', height }`) so an iframe can grow to fit.
 */
const params = new URLSearchParams(location.search);
const widget = document.querySelector('stepdocs-login-url, stepdocs-metadata-checker');
for (const name of ['region', 'value', 'expect']) {
  const value = params.get(name);
  if (widget && value !== null) widget.setAttribute(name, value);
}

if (window.parent !== window) {
  let last = 0;
  const report = () => {
    const height = Math.ceil(document.documentElement.scrollHeight);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: 'stepdocs:height', height, href: location.href }, '*');
  };
  new ResizeObserver(report).observe(document.body);
  report();
}
