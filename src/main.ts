/** Entry point: the only place that touches the page before the application takes over. */
import './ui/styles.css';
import { startApp } from './ui/app.ts';
import { t } from './ui/i18n/i18n.ts';

const root = document.getElementById('app');
if (root) {
  startApp(root).catch((error: unknown) => {
    root.textContent = t('app.startFailed', {
      reason: error instanceof Error ? error.message : String(error),
    });
    console.error(error);
  });
}
