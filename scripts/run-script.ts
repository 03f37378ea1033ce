import { AppError } from "@/lib/errors";

/**
 * Runs a command-line script's body: an AppError ends it with its one-line message and exit code 1,
 * anything else with the full error (a bug); success exits 0 even if a pool left a handle open.
 */
export async function runScript(main: () => Promise<void>): Promise<never> {
  try {
    await main();
    process.exit(0);
  } catch (error) {
    if (error instanceof AppError) console.error(error.message);
    else console.error(error);
    process.exit(1);
  }
}
