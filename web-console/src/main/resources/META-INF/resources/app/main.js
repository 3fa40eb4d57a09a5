import { auth } from './auth.js';
import { loadConfig } from './config.js';
import { liveEvents } from './live-events.js';

/**
 * Start-up: read the settings, restore or finish sign-in (an OIDC return carries ?code=…), then show the app.
 * The live stream runs while someone is signed in: one per tab, shared by every view.
 */
async function start() {
  const boot = document.getElementById('boot');
  try {
    const settings = await loadConfig();
    await auth.init(settings.auth);
    await import('./components/app-shell.js');
  } catch (error) {
    boot.innerHTML = '';
    const message = document.createElement('p');
    message.className = 'boot__error';
    message.setAttribute('role', 'alert');
    message.textContent = `The console could not start: ${error.message} Reload the page to try again.`;
    boot.append(message);
    return;
  }
  const followAuth = () => (auth.signedIn ? liveEvents.start() : liveEvents.stop());
  auth.addEventListener('change', followAuth);
  followAuth();
  boot.remove();
  document.body.prepend(document.createElement('app-shell'));
}

start();
