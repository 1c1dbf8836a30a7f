import { pageTotal, settled } from './page-total';

describe('pageTotal', () => {
  const counted = () => Promise.resolve(1234);

  it('reads the total off a last page with room to spare', async () => {
    await expect(pageTotal({ offset: 0, limit: 500, length: 108 }, counted)).resolves.toBe(108);
    await expect(pageTotal({ offset: 200, limit: 100, length: 7 }, counted)).resolves.toBe(207);
  });

  it('is 0 for an empty first page', async () => {
    await expect(pageTotal({ offset: 0, limit: 100, length: 0 }, counted)).resolves.toBe(0);
  });

  it('counts when the page is full: more rows may follow', async () => {
    await expect(pageTotal({ offset: 0, limit: 200, length: 200 }, counted)).resolves.toBe(1234);
  });

  it('counts when a page past the start is empty: the offset may overshoot the rows', async () => {
    await expect(pageTotal({ offset: 400, limit: 200, length: 0 }, counted)).resolves.toBe(1234);
  });
});

describe('settled', () => {
  it('gives a count started before the page to whoever reads it later', async () => {
    const read = settled(Promise.resolve(6728));
    await expect(read()).resolves.toBe(6728);
  });

  it('holds a failed count unread without an unhandled rejection, and throws it when read', async () => {
    const unhandled = jest.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const read = settled(Promise.reject(new Error('connection lost')));
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).not.toHaveBeenCalled();
      await expect(read()).rejects.toThrow('connection lost');
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});
