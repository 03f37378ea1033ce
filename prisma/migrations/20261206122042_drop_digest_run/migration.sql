-- DigestRun was a record nothing read: a run's id now lives only on the claims it holds, whose leases its
-- heartbeat renews (lib/digest/deliver.ts); pg-boss records the scheduled runs (lib/jobs/digest.ts).

-- DropForeignKey
ALTER TABLE "DigestDelivery" DROP CONSTRAINT "DigestDelivery_runId_fkey";

-- DropTable
DROP TABLE "DigestRun";
