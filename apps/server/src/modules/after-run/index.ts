/**
 * What the after-run module offers other modules beyond AfterRunService: dropping a runner's attendance for a
 * run (and the score it moved) inside the transaction that takes them out of the run.
 */
export { dropAttendanceOf } from './after-run.repository.ts';
