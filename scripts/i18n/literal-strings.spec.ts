import { findLiteralStrings } from './literal-strings';

describe('findLiteralStrings', () => {
  it('catches English planted in JSX text, visible attributes and shown literals', () => {
    const planted = [
      'export const A = ({ busy, t }) => (',
      '  <main aria-label="Main">',
      '    <h1>Hello there</h1>',
      "    <button>{busy ? 'Saving…' : t('settings.save')}</button>",
      '    <input placeholder={`Address`} />',
      "    <p>{name ?? 'her details'}</p>",
      '  </main>',
      ');',
    ].join('\n');
    expect(findLiteralStrings(planted).map((f) => f.text)).toEqual([
      'Main',
      'Hello there',
      'Saving…',
      'Address',
      'her details',
    ]);
  });

  it('lets through catalogue calls, symbols, spaces, class names, keys and data-only attributes', () => {
    const clean = [
      'export const B = ({ t, n }) => (',
      '  <p className="notice" role="status" data-testid="x" key="k">',
      "    <span aria-hidden=\"true\">✔</span>{' '}{t('board.title', { prison: 'STI' })} · {n}",
      "    {n > 0 ? `${n} · ` : '–'}",
      "    <a href={`#/board/${n}`}>{t('shell.queue')}</a>",
      '  </p>',
      ');',
    ].join('\n');
    expect(findLiteralStrings(clean)).toEqual([]);
  });
});
