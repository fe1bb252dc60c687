/** Closes the version menu on Escape or a click elsewhere; the menu itself works without JavaScript. */
for (const menu of document.querySelectorAll<HTMLDetailsElement>('[data-version-switcher]')) {
  menu.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && menu.open) {
      menu.open = false;
      menu.querySelector('summary')?.focus();
    }
  });
  document.addEventListener('click', (event) => {
    if (menu.open && !menu.contains(event.target as Node)) menu.open = false;
  });
}
