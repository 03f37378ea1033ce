import { AppError } from "@/lib/errors";

/**
 * Runs a command-line script's body: an AppError ends it with its one-line message and exit code 1,
 * anything else with the full error (a bug); success exits with process.exitCode (0 unless the script set it) even if a pool left a handle open.
 */
export async function runScript(main: () => Promise<void>): Promise<never> {
  try {
    await main();
    process.exit(process.exitCode ?? 0);
  } catch (error) {
    if (error instanceof AppError) console.error(error.message);
    else console.error(error);
    process.exit(1);
  }
}
