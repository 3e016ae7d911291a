/**
 * The offline cache: a service worker that keeps every file of the built app, so that Trame
 * opens, and loads its console, French and panels, without a network once it has been opened
 * online (students on Chromebooks often are offline). The build writes the file list and a
 * version drawn from the files' contents in front of this script (see vite.config.ts).
 *
 * A new version installs beside the running one and takes over when no tab uses the old one,
 * so a page never mixes files of two builds.
 */
export {};

declare const self: ServiceWorkerGlobalScope;
/** Written by the build: paths relative to this script, and a hash of their contents. */
declare const PRECACHE: { readonly version: string; readonly files: readonly string[] };

const PREFIX = 'trame-';
const CACHE = `${PREFIX}${PRECACHE.version}`;
const urlOf = (path: string): string => new URL(path, self.registration.scope).href;
const INDEX = urlOf('index.html');

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE.files.map(urlOf))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      }
      // The tab that installed this worker loads its lazy parts through it from now on.
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  const key = request.mode === 'navigate' ? INDEX : request;
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(key, { ignoreSearch: true, ignoreVary: true }))
      .then((hit) => hit ?? fetch(request)),
  );
});
