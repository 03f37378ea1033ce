/**
 * `node scripts/run.mjs <script.ts> [arguments]`: runs one of our TypeScript scripts in a child Node with
 * TSX_NODE_ARGS, so package.json says those flags once. The child shares the terminal, gets the signals npm
 * passes on, and its exit code (or the signal that ended it) becomes this process's.
 */
import { spawn } from "node:child_process";
import { TSX_NODE_ARGS } from "../tools/tsx-node-args.js";

const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error("Usage: node scripts/run.mjs <script.ts> [arguments]");
  process.exit(2);
}

// The child stops when this process goes away, even by `kill -9` (tools/exit-with-parent.js): left running,
// a killed `npm start`'s app kept its port and served on, and the next `npm start` failed with EADDRINUSE.
const withParent = ["--import", new URL("../tools/exit-with-parent.js", import.meta.url).href];
const child = spawn(process.execPath, [...withParent, ...TSX_NODE_ARGS, script, ...args], {
  stdio: ["inherit", "inherit", "inherit", "ipc"],
});

// The signals npm forwards. Ctrl-C reaches the child from the terminal and, through npm, reaches us too:
// passing each kind on once gives the child the signal as often as when npm started it directly.
const SIGNALS = ["SIGINT", "SIGTERM"];
const passedOn = new Set();
for (const signal of SIGNALS) {
  process.on(signal, () => {
    if (passedOn.has(signal)) return;
    passedOn.add(signal);
    child.kill(signal);
  });
}

child.on("error", (error) => {
  console.error(error);
  process.exit(1);
});
child.on("exit", (code, signal) => {
  if (signal) {
    // Ended by a signal: end the same way, so npm and the shell see what the child got.
    for (const s of SIGNALS) process.removeAllListeners(s);
    process.kill(process.pid, signal);
  } else {
    process.exit(code ?? 1);
  }
});
