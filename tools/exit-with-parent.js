/**
 * Preloaded (`--import`) into the script scripts/run.mjs runs (`npm start` itself) and into the processes
 * `npm start` runs beside itself (the server, the digest worker); each is spawned with an IPC channel. When its
 * parent goes away without stopping it (a `kill -9`), the channel closes and the process stops as if told to,
 * instead of holding the port for good so that no new `npm start` could serve. Plain JavaScript, loaded
 * before tsx.
 */
if (process.channel) {
  process.channel.unref();
  process.once("disconnect", () => process.kill(process.pid, "SIGTERM"));
}
