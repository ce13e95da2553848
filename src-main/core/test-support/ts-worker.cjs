// Starts a TypeScript worker_threads entry under tsx, for tests and benchmarks that run from
// source (the app runs the built .js entries): new Worker(thisFile, { argv: [entry.ts] }).
require('tsx/cjs/api').register();
require(process.argv[2]);
