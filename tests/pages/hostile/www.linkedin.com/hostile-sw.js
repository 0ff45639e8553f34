// A service worker's requests bypass the page's routes: replayed contexts must never run one.
fetch('https://198.51.100.50/').catch(() => {});
