import { faviconBadgeText } from "./unread-title";

const SIZE = 32;
const BRAND = "#2f6f5e";
const BADGE = "#c62828";
const LINK_ID = "unread-favicon";

/** The product's mark: a speech bubble on the brand colour. */
function drawMark(context: CanvasRenderingContext2D): void {
  context.fillStyle = BRAND;
  context.beginPath();
  context.roundRect(0, 0, SIZE, SIZE, 7);
  context.fill();
  context.fillStyle = "#ffffff";
  context.beginPath();
  context.roundRect(6, 8, 20, 13, 4);
  context.moveTo(10, 21);
  context.lineTo(10, 26);
  context.lineTo(15, 21);
  context.fill();
}

function drawBadge(context: CanvasRenderingContext2D, text: string): void {
  context.fillStyle = BADGE;
  context.beginPath();
  context.arc(SIZE - 10, 10, 10, 0, Math.PI * 2);
  context.fill();
  context.fillStyle = "#ffffff";
  context.font = `bold ${text.length > 1 ? 11 : 14}px system-ui, sans-serif`;
  context.textAlign = "center";
  context.textBaseline = "middle";
  context.fillText(text, SIZE - 10, 11);
}

/**
 * Draws the favicon on a canvas, with a red count when something is unread, and points the page's icon
 * at it: a background tab shows that something waits. Returns the data URL (empty where canvas is absent).
 */
export function showFaviconBadge(count: number, capped: boolean): string {
  const canvas = document.createElement("canvas");
  canvas.width = SIZE;
  canvas.height = SIZE;
  const context = canvas.getContext("2d");
  if (!context) return "";
  drawMark(context);
  const text = faviconBadgeText(count, capped);
  if (text) drawBadge(context, text);
  const href = canvas.toDataURL("image/png");
  let link = document.getElementById(LINK_ID) as HTMLLinkElement | null;
  if (!link) {
    link = document.createElement("link");
    link.id = LINK_ID;
    link.rel = "icon";
    link.type = "image/png";
    document.head.appendChild(link);
  }
  link.href = href;
  link.dataset.unread = text ?? "";
  return href;
}
