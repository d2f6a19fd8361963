// jsPDF's html() and addSvgAsImage() load html2canvas, DOMPurify and canvg on demand. The ficha
// draws with jsPDF's own text and shape calls and never uses them, so the build points those
// three imports here (vite.config.ts): ~380 KB less in the service worker's precache.
export default function unavailable(): never {
  throw new Error('html2canvas, DOMPurify y canvg no se incluyen en Acompaña (jsPDF html/SVG).');
}
