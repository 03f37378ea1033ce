/**
 * Preloaded (`--import`) into the processes `npm start` runs beside itself (the server, the digest worker),
 * which it spawns with an IPC channel: when `npm start` goes away without stopping them (a `kill -9`), the
 * channel closes and the process stops as if told to, instead of holding the port for good so that no new
 * `npm start` could serve. Plain JavaScript, loaded before tsx.
 */
if (process.channel) {
  process.channel.unref();
  process.once("disconnect", () => process.kill(process.pid, "SIGTERM"));
}
