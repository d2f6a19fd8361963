import { ACTA_PAGE, type ActaModel, actaFileName, layoutActa } from '@acompana/core';

// The acta on the device: the model and layout are core's (`layoutActa`, the same document the
// server prints from its records), drawn with jsPDF loaded only when asked for (precached), so
// it works offline.

export { type ActaModel, actaFileName } from '@acompana/core';

/** The acta as PDF bytes (jsPDF imported on demand). */
export async function buildActaPdf(
  model: ActaModel,
  options = { compress: true },
): Promise<Uint8Array> {
  const { jsPDF } = await import('jspdf');
  const doc = new jsPDF({ ...ACTA_PAGE, compress: options.compress });
  layoutActa(doc, model);
  return new Uint8Array(doc.output('arraybuffer'));
}

/** Saves the acta through the browser (offline: nothing leaves the device). */
export async function downloadActa(model: ActaModel): Promise<void> {
  const bytes = await buildActaPdf(model);
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/pdf' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = actaFileName(model);
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
