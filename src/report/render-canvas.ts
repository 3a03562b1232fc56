/**
 * Charts to PNG in the task pane: the same SVG (charts.ts) drawn on a canvas
 * by the webview. Browser only (Image, canvas); Node uses render-node.ts.
 */
import type { PngRenderer } from './build';

/** Twice the placed size, as in Node, so both documents carry the same pictures' size. */
export const renderPngCanvas: PngRenderer = async (svg, width, height) => {
  // A data: URL, not a Blob URL: the pane's CSP allows images from 'self' and data: only.
  const url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  const image = new Image();
  await new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error('SVG chart could not be drawn'));
    image.src = url;
  });
  const canvas = document.createElement('canvas');
  canvas.width = width * 2;
  canvas.height = height * 2;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('PNG could not be made');
  return new Uint8Array(await blob.arrayBuffer());
};
