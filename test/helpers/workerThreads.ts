/** How many worker threads this process has open: each holds a MessagePort to its parent. */
export function workerThreads(): number {
  return process.getActiveResourcesInfo().filter((resource) => resource === 'MessagePort').length;
}
