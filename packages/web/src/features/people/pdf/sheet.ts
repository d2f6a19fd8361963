import { type ActivationSheet, formatLimaDate } from '@acompana/core';
import type { jsPDF } from 'jspdf';
import { i18n } from '../../../app/i18n/index.ts';

// The activation sheet as a PDF (issue 14), made on the device with jsPDF like the ficha de
// visita: a heading with how to activate, then one card per person to cut out — name, DNI,
// code, until when it works, the app's address and a QR code of it. The QR code is drawn as
// vector squares from the `qrcode` library's matrix (sharp on any printer, no image encoding).

const MARGIN = 14;
const WIDTH = 210 - 2 * MARGIN; // A4, mm
const CARD = 38;
const QR = 28;

type QrMatrix = { size: number; get: (row: number, col: number) => boolean };

async function qrMatrix(text: string): Promise<QrMatrix> {
  const QRCode = await import('qrcode');
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return { size: modules.size, get: (row, col) => Boolean(modules.get(row, col)) };
}

function drawQr(doc: jsPDF, qr: QrMatrix, x: number, y: number, side: number) {
  const cell = side / qr.size;
  doc.setFillColor(0, 0, 0);
  for (let row = 0; row < qr.size; row++) {
    for (let col = 0; col < qr.size; col++) {
      if (qr.get(row, col)) doc.rect(x + col * cell, y + row * cell, cell, cell, 'F');
    }
  }
}

function layout(doc: jsPDF, sheet: ActivationSheet, qr: QrMatrix) {
  const t = i18n.t.bind(i18n);
  let y = MARGIN + 4;
  const header = () => {
    doc.setFont('helvetica', 'bold').setFontSize(14);
    doc.text(t('sheet.pdfTitle', { group: sheet.title }), MARGIN, y);
    y += 6;
    doc.setFont('helvetica', 'normal').setFontSize(10);
    const lines = doc.splitTextToSize(
      t('sheet.pdfHowTo', { url: sheet.appUrl }),
      WIDTH,
    ) as string[];
    doc.text(lines, MARGIN, y);
    y += lines.length * 4.5 + 3;
  };
  header();
  for (const item of sheet.items) {
    if (y + CARD > 297 - MARGIN) {
      doc.addPage();
      y = MARGIN + 4;
      header();
    }
    doc.setDrawColor(120, 120, 120);
    doc.setLineDashPattern([2, 1.5], 0).rect(MARGIN, y, WIDTH, CARD - 3);
    doc.setLineDashPattern([], 0);
    const left = MARGIN + 4;
    doc
      .setFont('helvetica', 'bold')
      .setFontSize(12)
      .text(item.displayName, left, y + 7);
    doc.setFont('helvetica', 'normal').setFontSize(10);
    doc.text(t('sheet.pdfDni', { dni: item.dni }), left, y + 13);
    doc.text(t('sheet.pdfCodeLabel'), left, y + 20);
    doc
      .setFont('courier', 'bold')
      .setFontSize(16)
      .text(item.code, left + 28, y + 20.5);
    doc.setFont('helvetica', 'normal').setFontSize(9);
    doc.text(t('sheet.pdfUntil', { date: formatLimaDate(item.expiresAt) }), left, y + 26);
    doc.text(sheet.appUrl, left, y + 31);
    drawQr(doc, qr, MARGIN + WIDTH - QR - 3, y + 3.5, QR);
    y += CARD;
  }
}

/** Builds the sheet as PDF bytes; jsPDF and qrcode load only when a sheet is printed. */
export async function buildSheetPdf(
  sheet: ActivationSheet,
  options = { compress: true },
): Promise<Uint8Array> {
  const [{ jsPDF }, qr] = await Promise.all([import('jspdf'), qrMatrix(sheet.appUrl)]);
  const doc = new jsPDF({ unit: 'mm', format: 'a4', compress: options.compress });
  doc.setProperties({
    title: i18n.t('sheet.pdfTitle', { group: sheet.title }),
    creator: 'Acompaña',
  });
  layout(doc, sheet, qr);
  return new Uint8Array(doc.output('arraybuffer'));
}

export function sheetFileName(sheet: Pick<ActivationSheet, 'title'>): string {
  const group = sheet.title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  return `codigos-activacion-${group}.pdf`;
}

/** Saves the PDF through the browser. */
export async function downloadSheet(sheet: ActivationSheet): Promise<void> {
  const bytes = await buildSheetPdf(sheet);
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/pdf' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = sheetFileName(sheet);
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
