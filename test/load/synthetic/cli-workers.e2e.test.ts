/** `giftsim load --workers` as users run it: the built binary, the stream partitioned across threads. */
import { describe, expect, it } from "vitest";
import { runCli } from "../../cli.js";

describe("giftsim load --workers (built binary)", () => {
  it("gives the single-thread ledger digest with 2 workers", async () => {
    const args = ["load", "--events", "150000", "--viewers", "30000", "--creators", "100", "--batch", "50000", "--json"];
    const [one, two] = await Promise.all([runCli(args), runCli([...args, "--workers", "2"])]);
    expect(two.code).toBe(0);
    const [a, b] = [JSON.parse(one.stdout), JSON.parse(two.stdout)];
    expect(b.ledgerDigest).toBe(a.ledgerDigest);
    expect(b.options.workers).toBe(2);
    expect(b.partitions).toHaveLength(2);
    expect(b.audit.state).toBe("passed");
  });
});
