export { main } from './main.js';
export { ApiClient } from './api-client.js';
export { followJob, type FollowOptions, type Followed } from './follow-job.js';
export { SseParser, type SseFrame } from './sse-parser.js';
export { renderJunit, type JunitCase, type JunitSuite } from './junit.js';
export { renderTable } from './table.js';
export { EXIT, CliError } from './errors.js';
