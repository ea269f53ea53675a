"""The page script (passed to ``launch(js=...)``): keyboard, focus, scrolling and copy behaviour
that Gradio's components do not give.

* names for the text inputs Gradio leaves unnamed, arrow keys between tabs;
* a new answer scrolls into view at its first line (its first notice, so an emergency notice is
  seen first); the question box stays on screen (it is sticky);
* ``[n]`` opens the answer's Sources, scrolls to the passage and highlights it;
* "Copy answer with references" copies the answer as plain text;
* example questions and the library's card buttons talk to the server through hidden inputs;
* a polite live region says when an answer is ready.

No network access: it only reads and changes this page.
"""

from __future__ import annotations

SCRIPT = r"""
() => {
  if (window.__baInit) return;
  window.__baInit = true;
  const NAMES = {
    '#question textarea': 'Your question about baclofen (you can also drop documents here)',
    '#ci-search textarea, #ci-search input': 'Search a condition',
    '#lib-search textarea, #lib-search input': 'Search the library',
  };
  const live = document.createElement('div');
  live.id = 'ba-live';
  live.className = 'sr-only';
  live.setAttribute('role', 'status');
  live.setAttribute('aria-live', 'polite');
  document.body.appendChild(live);
  const say = (text) => { live.textContent = ''; setTimeout(() => { live.textContent = text; }, 50); };

  function nameInputs() {
    for (const [sel, name] of Object.entries(NAMES)) {
      document.querySelectorAll(sel).forEach((el) => {
        if (el.getAttribute('aria-label') !== name) el.setAttribute('aria-label', name);
      });
    }
    // Gradio's upload area is named differently from the words it shows; let the words name it.
    document.querySelectorAll('#lib-upload .upload-container[aria-label]').forEach((el) => {
      if (el.textContent.trim()) el.removeAttribute('aria-label');
    });
    document.querySelectorAll('footer img[alt]').forEach((img) => {
      if (img.getAttribute('alt')) img.setAttribute('alt', '');
    });
    document.querySelectorAll('[role=tablist]').forEach((list) => {
      const tabs = [...list.querySelectorAll('[role=tab]')];
      tabs.forEach((t) => {
        const want = t.getAttribute('aria-selected') === 'true' ? '0' : '-1';
        if (t.getAttribute('tabindex') !== want) t.setAttribute('tabindex', want);
      });
    });
  }

  document.addEventListener('keydown', (e) => {
    const tab = e.target.closest && e.target.closest('[role=tab]');
    if (!tab) return;
    const tabs = [...tab.closest('[role=tablist]').querySelectorAll('[role=tab]')]
      .filter((t) => t.offsetParent !== null && t.getAttribute('aria-disabled') !== 'true');
    let i = tabs.indexOf(tab);
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') i = (i + 1) % tabs.length;
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') i = (i - 1 + tabs.length) % tabs.length;
    else if (e.key === 'Home') i = 0;
    else if (e.key === 'End') i = tabs.length - 1;
    else return;
    e.preventDefault();
    tabs[i].click();
    tabs[i].focus();
  });

  function send(id, value) {
    const box = document.querySelector(`#${id} textarea, #${id} input`);
    if (!box) return false;
    box.value = value;
    box.dispatchEvent(new Event('input', { bubbles: true }));
    box.dispatchEvent(new Event('change', { bubbles: true }));
    return true;
  }

  function openSource(turn, n) {
    const details = document.getElementById(`sources-${turn}`);
    const item = document.getElementById(`src-${turn}-${n}`);
    if (!details || !item) return;
    details.open = true;
    document.querySelectorAll('.ba-src.ba-hl').forEach((el) => el.classList.remove('ba-hl'));
    item.classList.add('ba-hl');
    item.scrollIntoView({ block: 'center' });
    item.focus({ preventScroll: true });
  }

  async function copy(turn, button) {
    const text = (document.getElementById(`copy-${turn}`) || {}).textContent || '';
    let ok = false;
    try { await navigator.clipboard.writeText(text); ok = true; } catch (err) {
      const area = document.createElement('textarea');
      area.value = text; area.setAttribute('readonly', ''); area.style.position = 'fixed';
      area.style.opacity = '0'; document.body.appendChild(area); area.select();
      try { ok = document.execCommand('copy'); } catch (e2) { ok = false; }
      area.remove();
    }
    window.__baCopied = text;
    button.textContent = ok ? 'Copied' : 'Copy failed: select the text instead';
    say(ok ? 'Answer copied with its references.' : 'Copying failed.');
    setTimeout(() => { button.textContent = 'Copy answer with references'; }, 2500);
  }

  document.addEventListener('click', (e) => {
    const cite = e.target.closest('a.ba-cite');
    if (cite) { e.preventDefault(); openSource(cite.dataset.turn, cite.dataset.n); return; }
    const copyBtn = e.target.closest('button.ba-copy');
    if (copyBtn) { copy(copyBtn.dataset.turn, copyBtn); return; }
    const ex = e.target.closest('button.ba-example');
    if (ex) {
      const box = document.querySelector('#question textarea');
      if (!box) return;
      box.value = ex.dataset.question;
      box.dispatchEvent(new Event('input', { bubbles: true }));
      setTimeout(() => {
        const submit = document.querySelector('#question [data-testid=submit-button], #question button.submit-button');
        if (submit) submit.click();
      }, 50);
      return;
    }
    const act = e.target.closest('[data-lib-action]');
    if (act) {
      const action = act.dataset.libAction;
      if (action === 'remove' && act.dataset.armed !== '1') {
        act.dataset.armed = '1';
        act.firstChild.textContent = 'Confirm removal';
        say('Press again to remove this document from your library.');
        return;
      }
      send('lib-action', JSON.stringify({ action, id: act.dataset.id, t: Date.now() }));
      if (action === 'open' || action === 'check') {
        say(action === 'open' ? 'Opening the record.' : 'Checking the document against the evidence.');
      }
    }
  });

  let lastKey = null;
  let restored = true;
  function onConversation() {
    const latest = document.querySelector('#conversation .ba-turn[data-latest="1"]');
    if (!latest) return;
    const key = `${latest.id}|${latest.dataset.key || ''}|${latest.dataset.state || 'done'}`;
    if (key === lastKey) return;
    lastKey = key;
    if (restored) { restored = false; return; }  // a conversation restored on load stays put
    const state = latest.dataset.state || 'done';
    if (state === 'pending') { latest.scrollIntoView({ block: 'nearest' }); say('Searching the library.'); return; }
    const target = latest.querySelector('.ba-answer') || latest;
    target.scrollIntoView({ block: 'start' });
    if (state === 'error') { say((latest.querySelector('.ba-error') || {}).textContent || 'Error.'); return; }
    const bottom = latest.querySelector('.ba-bottom');
    say('Answer ready. ' + (bottom ? bottom.textContent : ''));
  }

  const observer = new MutationObserver(() => {
    nameInputs();
    const conv = document.querySelector('#conversation');
    if (conv && !conv.__baObserved) {
      conv.__baObserved = true;
      new MutationObserver(onConversation).observe(conv, { childList: true, subtree: true });
      onConversation();
    }
  });
  observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-selected'] });
  nameInputs();
  if (window.matchMedia('(min-width: 900px)').matches) {
    // the question box takes focus once the page settles, unless the user has already moved it
    setTimeout(() => {
      const box = document.querySelector('#question textarea');
      const free = !document.activeElement || document.activeElement === document.body;
      if (box && free) box.focus({ preventScroll: true });
    }, 800);
  } else {
    window.scrollTo(0, 0);
  }
}
"""
