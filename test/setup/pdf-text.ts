/**
 * Reads a PDF back as text with Mozilla's PDF.js (pdfjs-dist 3, whose legacy build is CommonJS, so Jest loads it
 * as it is): what a reader's copy-and-paste or a screen reader gets, its text with the page's line breaks read as spaces. Also
 * fetches a PDF from the API, since the JSON client reads bodies as text and a PDF is bytes.
 */
import type { ErrorBody } from './api-client';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfjs = require('pdfjs-dist/legacy/build/pdf.js') as {
  getDocument(options: { data: Uint8Array; disableFontFace: boolean; verbosity: number }): {
    promise: Promise<PdfDocument>;
  };
};

interface PdfDocument {
  numPages: number;
  getPage(n: number): Promise<{ getTextContent(): Promise<{ items: { str?: string; hasEOL?: boolean }[] }> }>;
  destroy(): Promise<void>;
}

export async function pdfText(pdf: Uint8Array): Promise<{ text: string; pages: number }> {
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), disableFontFace: true, verbosity: 0 }).promise;
  try {
    let text = '';
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      for (const item of content.items) {
        text += item.str ?? '';
        if (item.hasEOL) text += '\n';
      }
      text += '\n';
    }
    // Lines wrapped on the page are joined, so a phrase is found wherever the page broke it.
    return { text: text.replace(/\s+/g, ' '), pages: doc.numPages };
  } finally {
    await doc.destroy();
  }
}

export interface PdfAnswer {
  status: number;
  contentType: string;
  disposition: string;
  pdf: Uint8Array;
  /** The JSON error body when the API refused. */
  error: ErrorBody | null;
}

/** POSTs for a PDF and keeps its bytes. */
export async function postForPdf(baseUrl: string, token: string, path: string, body: unknown): Promise<PdfAnswer> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/pdf' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(60_000),
  });
  const contentType = response.headers.get('content-type') ?? '';
  const bytes = new Uint8Array(await response.arrayBuffer());
  return {
    status: response.status,
    contentType,
    disposition: response.headers.get('content-disposition') ?? '',
    pdf: bytes,
    error: contentType.includes('application/json')
      ? (JSON.parse(Buffer.from(bytes).toString('utf8')) as ErrorBody)
      : null,
  };
}
