/**
 * A system notification, when the browser has been allowed to show them; clicking it brings the
 * console forward and opens `url` there.
 */
export function showSystemNotification(
  notification: { title: string; body: string; tag: string; url: string },
  open: (url: string) => void,
): void {
  if (typeof Notification === "undefined" || Notification.permission !== "granted") return;
  try {
    const shown = new Notification(notification.title, {
      body: notification.body,
      tag: notification.tag,
    });
    shown.onclick = () => {
      window.focus();
      open(notification.url);
      shown.close();
    };
  } catch {
    // Mobile Chrome allows notifications only from a service worker; the toast (and sound) remain.
  }
}
