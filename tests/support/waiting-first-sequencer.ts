import path from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Files that spend most of their time waiting, not computing: a dead digest run's leases lapsing, child processes
 * starting, a recorded Retry-After, an embedded PostgreSQL starting and stopping. Started first, they wait while
 * the checks and the build beside them use the cores, and no long wait is left at the end of the run.
 *
 * Vitest orders files by their last durations once it has them (node_modules/.vite); in a fresh clone it has
 * none and goes by file size, which put these files' 70–100 s waits at the end (the run's last 100 s on
 * 2026-12-07). Their names, from test-results/vitest-*.json, longest first.
 */
const WAITING_FILES = [
  "tests/digest/killed-run.test.ts",
  "tools/embedded-db/embedded-db.test.ts",
  "tests/digest/concurrent-runs.test.ts",
  "tests/ingest/import-cli.test.ts",
  "lib/ingest/http.test.ts",
];

export default class WaitingFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const place = (file: TestSpecification) => {
      const index = WAITING_FILES.indexOf(path.relative(file.project.config.root, file.moduleId));
      return index === -1 ? WAITING_FILES.length : index;
    };
    // A stable sort: the rest keep Vitest's order.
    return sorted.sort((a, b) => place(a) - place(b));
  }
}
