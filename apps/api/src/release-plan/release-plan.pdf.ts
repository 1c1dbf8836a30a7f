/**
 * Draws her release plan (built by the domain's buildReleasePlan) as an A4 PDF with pdfkit. Accessible print:
 * large type (body 16pt, headings 22pt; RNIB's clear print guidance asks for 12 to 14pt at least, and 16pt or more
 * for large print), a high-legibility font with every Welsh letter (Atkinson Hyperlegible Next, SIL Open Font
 * License, embedded and subset), black on white only, left aligned, no text in colour or in images, and the
 * document's language set so a screen reader speaks Welsh as Welsh.
 */
import PDFDocument from 'pdfkit';
import type { PlanBlock, ReleasePlanDocument } from '@app/domain';

const FONT_PACKAGE = '@expo-google-fonts/atkinson-hyperlegible-next';
const REGULAR = require.resolve(`${FONT_PACKAGE}/400Regular/AtkinsonHyperlegibleNext_400Regular.ttf`);
const BOLD = require.resolve(`${FONT_PACKAGE}/700Bold/AtkinsonHyperlegibleNext_700Bold.ttf`);

const BODY_PT = 16;
const HEADING_PT = 22;
const TITLE_PT = 30;
const MARGIN = 56;
const BLACK = '#000000';
const PDF_LANGUAGE = { en: 'en-GB', cy: 'cy' } as const;

function drawBlock(doc: PDFKit.PDFDocument, block: PlanBlock): void {
  const width = doc.page.width - MARGIN * 2;
  switch (block.kind) {
    case 'subheading':
      doc
        .moveDown(0.5)
        .font('bold')
        .fontSize(BODY_PT + 3)
        .text(block.text, MARGIN, doc.y, { width });
      break;
    case 'item':
      doc
        .font(block.strong ? 'bold' : 'regular')
        .fontSize(BODY_PT)
        .text(`•  ${block.text}`, MARGIN + 8, doc.y, { width: width - 8, indent: 0, lineGap: 3 });
      break;
    case 'paragraph':
      doc.font('regular').fontSize(BODY_PT).text(block.text, MARGIN, doc.y, { width, lineGap: 3 });
      break;
  }
  doc.moveDown(0.25);
}

/** The plan as a PDF file. */
export function renderReleasePlanPdf(plan: ReleasePlanDocument, author: string): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    lang: PDF_LANGUAGE[plan.language],
    displayTitle: true,
    info: { Title: plan.title, Author: author, Subject: plan.title },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', REGULAR);
  doc.registerFont('bold', BOLD);
  doc.fillColor(BLACK).strokeColor(BLACK);

  doc
    .font('bold')
    .fontSize(TITLE_PT)
    .text(plan.title, { width: doc.page.width - MARGIN * 2 });
  doc.moveDown(0.5);
  for (const block of plan.intro) drawBlock(doc, block);
  for (const section of plan.sections) {
    // A heading never sits alone at the foot of a page.
    if (doc.y > doc.page.height - MARGIN - 120) doc.addPage();
    doc.moveDown(0.6);
    const top = doc.y;
    doc
      .moveTo(MARGIN, top)
      .lineTo(doc.page.width - MARGIN, top)
      .lineWidth(2)
      .stroke();
    doc.moveDown(0.4);
    doc
      .font('bold')
      .fontSize(HEADING_PT)
      .text(section.heading, MARGIN, doc.y, { width: doc.page.width - MARGIN * 2 });
    doc.moveDown(0.3);
    for (const block of section.blocks) drawBlock(doc, block);
  }
  doc.end();
  return done;
}
