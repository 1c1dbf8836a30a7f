/**
 * A picture of a PDF page, for the screenshots of printed documents: Chromium renders it with PDF.js (the same
 * pdfjs-dist the text checks use, its browser build loaded into a blank page), so no system PDF tool is needed.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { SCREENSHOTS } from './browser';

const PDFJS = require.resolve('pdfjs-dist/legacy/build/pdf.min.js');
const PDFJS_WORKER = require.resolve('pdfjs-dist/legacy/build/pdf.worker.min.js');

/** Renders one page of the PDF at print-like resolution and saves it as artifacts/screenshots/<name>.png. */
export async function screenshotPdfPage(
  browser: Browser,
  pdf: Uint8Array,
  name: string,
  pageNumber = 1,
): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1240, height: 1754 } });
  try {
    const page = await context.newPage();
    await page.setContent(
      '<!doctype html><html><body style="margin:0;background:#fff"><canvas id="pdf"></canvas></body></html>',
    );
    // The worker's script on the page lets PDF.js run it on the main thread (no worker file to serve).
    await page.addScriptTag({ path: PDFJS_WORKER });
    await page.addScriptTag({ path: PDFJS });
    await page.evaluate(
      `(async () => {
        const bytes = Uint8Array.from(atob('${Buffer.from(pdf).toString('base64')}'), (c) => c.charCodeAt(0));
        const doc = await pdfjsLib.getDocument({ data: bytes }).promise;
        const pdfPage = await doc.getPage(${pageNumber});
        const viewport = pdfPage.getViewport({ scale: 1240 / pdfPage.getViewport({ scale: 1 }).width });
        const canvas = document.getElementById('pdf');
        canvas.width = viewport.width;
        canvas.height = viewport.height;
        await pdfPage.render({ canvasContext: canvas.getContext('2d'), viewport }).promise;
      })()`,
    );
    await page.locator('#pdf').screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
  } finally {
    await context.close();
  }
}
