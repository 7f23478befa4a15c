/// <reference types="vite-plugin-pwa/client" />
/**
 * Entry point: mounts the app, registers the service worker (app shell offline), and starts the
 * register session: the Web Lock election, the persistence request and the sync (lock owner only).
 */
import { render } from 'solid-js/web';
import { App } from './ui/App.tsx';
import { registerServiceWorker } from './ui/pwa.ts';
import { startSession } from './ui/session.ts';
import { startHardware } from './ui/hardware-session.ts';
import './ui/styles/base.css';
import './ui/styles/app.css';
import './ui/styles/receipt.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

if (location.pathname === '/display') {
  // The customer display window (second screen): no register lock, no sync, no hardware; it only listens.
  void import('./ui/screens/CustomerDisplayScreen.tsx').then(({ default: CustomerDisplayScreen }) => render(() => <CustomerDisplayScreen />, root));
} else {
  render(() => <App />, root);
  startSession();
  startHardware();
}
registerServiceWorker();
