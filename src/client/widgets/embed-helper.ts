/**
 * `embed.js` for vendors' pages: every `<iframe data-stepdocs-embed>` showing a stepdocs widget page
 * grows to fit its content. A height message is accepted only from that iframe's own window and from
 * the origin its `src` names, so no other page or frame can resize anything.
 */
const MAX_HEIGHT = 10_000;

addEventListener('message', (event: MessageEvent) => {
  const data = event.data as { type?: unknown; height?: unknown } | null;
  if (data?.type !== 'stepdocs:height' || typeof data.height !== 'number' || !Number.isFinite(data.height)) return;
  for (const frame of document.querySelectorAll<HTMLIFrameElement>('iframe[data-stepdocs-embed]')) {
    if (frame.contentWindow !== event.source) continue;
    if (!URL.canParse(frame.src) || new URL(frame.src).origin !== event.origin) return;
    frame.height = String(Math.min(MAX_HEIGHT, Math.max(0, Math.ceil(data.height))));
    return;
  }
});
