/**
 * `<stepdocs-steps>`: reveals the done ticks and the progress line, and keeps ticks per page in
 * localStorage under `stepdocs:done:<path>` as a list of step ids (ids are stable; numbers are not).
 */
const PREFIX = 'stepdocs:done:';

function readDone(key: string): Set<string> {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
    return new Set(Array.isArray(stored) ? stored.filter((value): value is string => typeof value === 'string') : []);
  } catch {
    return new Set();
  }
}

function writeDone(key: string, done: Set<string>) {
  try {
    if (done.size === 0) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify([...done]));
  } catch {
    // Storage may be full or disabled; ticks then last for this visit only.
  }
}

class StepChecklist extends HTMLElement {
  connectedCallback() {
    const key = PREFIX + location.pathname;
    const boxes = [...this.querySelectorAll<HTMLInputElement>(':scope > ol > li > .step-head input[data-step-checkbox]')];
    const progress = this.querySelector<HTMLElement>('.steps-progress');
    const text = this.querySelector<HTMLElement>('.steps-progress-text');
    const bar = this.querySelector<HTMLProgressElement>('progress');
    const reset = this.querySelector<HTMLButtonElement>('.steps-reset');
    if (boxes.length === 0 || !progress || !text || !bar || !reset) return;

    const update = () => {
      const done = readDone(key);
      // Keep ids of other lists on the same page; only this list's boxes are rewritten.
      for (const box of boxes) {
        const id = box.dataset.stepCheckbox!;
        if (box.checked) done.add(id);
        else done.delete(id);
        box.closest('li')?.classList.toggle('is-done', box.checked);
      }
      writeDone(key, done);
      const count = boxes.filter((box) => box.checked).length;
      text.textContent = `${count} of ${boxes.length} done`;
      bar.value = count;
      reset.hidden = count === 0;
    };

    const done = readDone(key);
    for (const box of boxes) {
      box.checked = done.has(box.dataset.stepCheckbox!);
      box.closest('label')!.hidden = false;
      box.addEventListener('change', update);
    }
    reset.addEventListener('click', () => {
      for (const box of boxes) box.checked = false;
      update();
      boxes[0]?.focus();
    });
    progress.hidden = false;
    update();
  }
}

customElements.define('stepdocs-steps', StepChecklist);
