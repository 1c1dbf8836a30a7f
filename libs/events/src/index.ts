/** @app/events: queue names, room names, the typed board events and the shared Redis settings. */
export * from './queue-names';
export * from './rooms';
export * from './board-events';
export * from './redis-settings';
export * from './room-access';
export * from './relay-batch';
