/**
 * A ledger crossing a thread boundary. The snapshot is the ledger minus its compiled economy
 * (the receiver compiles the same one), and every typed array in it, key-set pages included,
 * is listed for transfer, so a worker's partial ledger moves to the main thread without a
 * copy. Built by walking the ledger rather than naming its columns, so a column the core adds
 * later travels too.
 */
import type { CompiledEconomy } from "../../economy/index.js";
import type { Ledger } from "../../core/index.js";

export type LedgerSnapshot = Omit<Ledger, "economy">;

export interface TransferableLedger {
  snapshot: LedgerSnapshot;
  /** Buffers to move rather than copy; the ledger must not be used after it is sent. */
  buffers: ArrayBuffer[];
}

/** The ledger as a structured-clone-able snapshot and the buffers to transfer with it. */
export function ledgerSnapshot(ledger: Ledger): TransferableLedger {
  const { economy: _economy, ...snapshot } = ledger;
  const buffers = new Set<ArrayBuffer>();
  collectBuffers(snapshot, buffers);
  return { snapshot, buffers: [...buffers] };
}

/** A ledger again, on the receiving thread, around the same compiled economy. */
export function ledgerFromSnapshot(economy: CompiledEconomy, snapshot: LedgerSnapshot): Ledger {
  return { ...snapshot, economy };
}

function collectBuffers(value: unknown, into: Set<ArrayBuffer>): void {
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer) into.add(value.buffer);
  } else if (Array.isArray(value)) {
    value.forEach((item) => collectBuffers(item, into));
  } else if (value !== null && typeof value === "object") {
    for (const item of Object.values(value)) collectBuffers(item, into);
  }
}
