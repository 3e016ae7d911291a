/** Entry point: the only place that touches the page before the application takes over. */
import './ui/styles.css';
import { startApp } from './ui/app.ts';
import { t } from './ui/i18n/i18n.ts';

const root = document.getElementById('app');
if (root) {
  startApp(root)
    .then(keepForOffline)
    .catch((error: unknown) => {
      root.textContent = t('app.startFailed', {
        reason: error instanceof Error ? error.message : String(error),
      });
      console.error(error);
    });
}

/**
 * Once the app runs, a service worker (built from src/worker/service-worker.ts) keeps every
 * file of it for offline use. Not in development, where files change under the dev server.
 */
function keepForOffline(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('./sw.js').catch((error: unknown) => {
    // Trame still works online; only offline use is lost.
    console.warn('Offline use is not available:', error);
  });
}
