import { describeRedis, queueConnectionOptions, readRedisSettings, redisConnectionOptions } from './redis-settings';

describe('Redis settings', () => {
  it('connects straight to REDIS_URL when no Sentinel is set, with its credentials and database', () => {
    const settings = readRedisSettings({ REDIS_URL: 'redis://app:s%40cret@cache.internal:6380/2' });
    expect(settings.sentinel).toBeNull();
    expect(redisConnectionOptions(settings, { connectionName: 'x' })).toEqual({
      host: 'cache.internal',
      port: 6380,
      username: 'app',
      password: 's@cret',
      db: 2,
      connectionName: 'x',
    });
    expect(describeRedis(settings)).toBe('cache.internal:6380');
  });

  it('asks the Sentinels for the primary of the named group when both variables are set', () => {
    const settings = readRedisSettings({
      REDIS_URL: 'rediss://:pw@ignored:6379',
      REDIS_SENTINELS: 'sentinel-0.redis:26379, sentinel-1.redis:26379,10.0.0.7:26380',
      REDIS_SENTINEL_NAME: 'resettle-primary',
      REDIS_SENTINEL_PASSWORD: 'sentinel-pw',
    });
    expect(redisConnectionOptions(settings, { maxRetriesPerRequest: null })).toEqual({
      sentinels: [
        { host: 'sentinel-0.redis', port: 26379 },
        { host: 'sentinel-1.redis', port: 26379 },
        { host: '10.0.0.7', port: 26380 },
      ],
      name: 'resettle-primary',
      role: 'master',
      sentinelPassword: 'sentinel-pw',
      enableTLSForSentinelMode: true,
      failoverDetector: true,
      password: 'pw',
      tls: {},
      maxRetriesPerRequest: null,
    });
    expect(describeRedis(settings)).toBe(
      'Sentinel sentinel-0.redis:26379,sentinel-1.redis:26379,10.0.0.7:26380, master resettle-primary',
    );
  });

  it.each([
    [{ REDIS_SENTINELS: 'a:26379' }, 'REDIS_SENTINEL_NAME'],
    [{ REDIS_SENTINEL_NAME: 'mymaster' }, 'REDIS_SENTINELS'],
    [{ REDIS_SENTINELS: 'no-port', REDIS_SENTINEL_NAME: 'mymaster' }, 'REDIS_SENTINELS'],
    [{ REDIS_SENTINELS: 'a:26379', REDIS_SENTINEL_NAME: 'my master' }, 'REDIS_SENTINEL_NAME'],
  ])('refuses %j, naming %s', (env, variable) => {
    expect(() => readRedisSettings(env)).toThrow(variable);
  });

  it('hands BullMQ the same options, without a null retry strategy its type refuses', () => {
    const settings = readRedisSettings({ REDIS_SENTINELS: 'a:1', REDIS_SENTINEL_NAME: 'm' });
    const strategy = (times: number): number => times * 10;
    expect(queueConnectionOptions(settings, { retryStrategy: null })).not.toHaveProperty('retryStrategy');
    expect(queueConnectionOptions(settings, { retryStrategy: strategy }).retryStrategy).toBe(strategy);
    expect(queueConnectionOptions(settings).sentinels).toEqual([{ host: 'a', port: 1 }]);
  });
});
