/** @app/resettlement: planning services shared by the api, worker and cli (task creation, deadline moves, reference data). */
export * from './actor';
export * from './task-planner.service';
export * from './reference-data.loader';
export * from './resettlement.module';
