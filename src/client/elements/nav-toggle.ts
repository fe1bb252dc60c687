/** Opens and closes the sidebar on narrow screens. Without JavaScript the sidebar simply stays open. */
const button = document.querySelector<HTMLButtonElement>('[data-nav-toggle]');
const nav = document.getElementById('site-nav');
if (button && nav) {
  button.hidden = false;
  const set = (open: boolean) => {
    button.setAttribute('aria-expanded', String(open));
    document.documentElement.toggleAttribute('data-nav-open', open);
  };
  button.addEventListener('click', () => set(button.getAttribute('aria-expanded') !== 'true'));
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && button.getAttribute('aria-expanded') === 'true') {
      set(false);
      button.focus();
    }
  });
}
