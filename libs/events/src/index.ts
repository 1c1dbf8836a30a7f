/** @app/events: queue names, room names and the shared Redis settings. */
export * from './queue-names';
export * from './rooms';
export * from './redis-settings';
