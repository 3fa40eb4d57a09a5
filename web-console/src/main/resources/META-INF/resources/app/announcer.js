/**
 * Status messages ("Caption saved", "Room deleted"): shown as short-lived toasts inside the page's polite live
 * region (index.html), so sighted and screen-reader users get the same news.
 */
const MAX_VISIBLE = 4;

export function announce(message, { tone = 'info', timeout = 5000 } = {}) {
  const region = document.getElementById('status-messages');
  if (!region || !message) {
    return;
  }
  const toast = document.createElement('p');
  toast.className = `toast toast--${tone}`;
  toast.textContent = message;
  region.append(toast);
  while (region.childElementCount > MAX_VISIBLE) {
    region.firstElementChild.remove();
  }
  setTimeout(() => toast.remove(), timeout);
}
