import { chromium } from 'playwright-core';
const base = 'http://127.0.0.1:3917';
const [,, who, width, ...paths] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'] });
const ctx = await browser.newContext({ viewport: { width: Number(width), height: 812 }, deviceScaleFactor: 1, locale: 'es-PE', timezoneId: 'America/Lima' });
const page = await ctx.newPage();
if (who !== 'none') {
  await page.goto(base + '/login');
  await page.getByLabel('DNI', { exact: true }).fill(who);
  await page.getByLabel('Contraseña', { exact: true }).fill('acompana');
  await page.getByRole('button', { name: 'Ingresar' }).click();
  await page.waitForURL((u) => u.pathname === '/');
}
for (const p of paths) {
  await page.goto(base + p);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1500);
  const name = `/tmp/shots/${who}-${width}-${p.replace(/\W+/g, '_')}.png`;
  const h = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0, i = 0; y < h; y += 1100, i++) {
    const part = name.replace('.png', `-${i}.png`);
    await page.screenshot({ path: part, fullPage: true, clip: { x: 0, y, width: Number(width), height: Math.min(1100, h - y) } });
    console.log(part);
  }
}
await browser.close();
