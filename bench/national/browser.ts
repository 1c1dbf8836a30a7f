/**
 * The board as Chromium renders it: Debian's Chromium driven by playwright-core, signed in through the sign-in
 * page as the prison's pre-release team, then the board page reloaded `runs` times after `warmUp`. Each figure is
 * measured in the page: from navigation start (performance's time origin) to the frame after the first cards
 * appeared in the DOM (React renders the board's cards in one commit), seen by a MutationObserver the bench
 * injects, so the app carries no benchmark code.
 */
import { Browser, chromium, Page } from 'playwright-core';
import { Summary, summarise } from '../lib/stats';
import { Repetitions } from '../lib/timing';

const CHROMIUM = process.env.NATIONAL_BENCH_CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

/** Runs in the page before its scripts: notes when the cards are in the DOM, and the next frame. */
const WATCH_FOR_CARDS = `(() => {
  const observer = new MutationObserver(() => {
    if (!document.querySelector('.cards .card')) return;
    observer.disconnect();
    const inDom = performance.now();
    requestAnimationFrame(() => setTimeout(() => {
      window.__boardRendered = { inDom, rendered: performance.now(), cards: document.querySelectorAll('.card').length };
    }, 0));
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

interface BoardRendered {
  inDom: number;
  rendered: number;
  cards: number;
}

export interface BrowserFigures {
  rendered: Summary;
  inDom: Summary;
  cards: number;
}

async function waitForBoard(page: Page): Promise<BoardRendered> {
  // A function, not a string: the page's Content-Security-Policy refuses eval.
  const handle = await page.waitForFunction(
    () => (globalThis as { __boardRendered?: BoardRendered }).__boardRendered,
    undefined,
    { timeout: 60_000 },
  );
  return (await handle.jsonValue()) as BoardRendered;
}

export async function timeBoardInBrowser(
  baseUrl: string,
  credentials: { username: string; password: string },
  times: Repetitions,
): Promise<BrowserFigures> {
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(WATCH_FOR_CARDS);
    const page = await context.newPage();
    await page.goto(baseUrl);
    await page.getByLabel('Username').fill(credentials.username);
    await page.getByLabel('Password').fill(credentials.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Her home page is her prison's board: the first render after sign-in is not a navigation, so not measured.
    await waitForBoard(page);
    const rendered: number[] = [];
    const inDom: number[] = [];
    let cards = 0;
    for (let i = 0; i < times.warmUp + times.runs; i += 1) {
      await page.reload();
      const figure = await waitForBoard(page);
      cards = figure.cards;
      if (i < times.warmUp) continue;
      rendered.push(figure.rendered);
      inDom.push(figure.inDom);
    }
    return { rendered: summarise(rendered), inDom: summarise(inDom), cards };
  } finally {
    await browser.close();
  }
}
