/**
 * `giftsim serve`: the conversion service behind node:http (routes in docs/http-api.md).
 *
 * - A request is applied in one synchronous step after its body is read and validated, so
 *   it is applied whole or not at all, and a 200 is only sent for what the ledger holds.
 * - Overload is answered, not queued: 503 past the in-flight bound (before the body is read),
 *   429 past the optional rate limit, both with Retry-After; 413 past the body limit; 408 to
 *   a body still incomplete `bodyTimeoutMs` after its headers, so slow senders cannot hold
 *   the in-flight slots (node's own request timeout is checked only every 30 s).
 * - close() (SIGTERM in the CLI) stops accepting connections, answers requests that arrive on
 *   open connections 503 with `Connection: close`, lets every admitted request finish and be
 *   answered, then resolves with the final totals. Only after `shutdownTimeoutMs` are the
 *   connections still open cut; a request cut then was never answered 200, so no event a
 *   client saw accepted is lost.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { errors, GiftsimError } from "../errors.js";
import { ROUTES, type ErrorResponse, type RequestCounts, type ServiceTotals } from "./http-api.js";
import { createAdmissionControl } from "./admission.js";
import { createConversionService, type ConversionService } from "./conversion-service.js";
import { eventsRequestSchema, parseEventsRequest } from "./request-schema.js";
import { validateServeOptions, type ServeOptions } from "./serve-options.js";

export interface ServeStopReport {
  totals: ServiceTotals;
  /** From close() to the last connection closed. */
  shutdownMs: number;
  /** Requests still unanswered when the shutdown timeout cut their connections (none were applied). */
  cutRequests: number;
}

export interface GiftServer {
  /** Base URL, e.g. http://127.0.0.1:8787. */
  readonly url: string;
  readonly service: ConversionService;
  totals(): ServiceTotals;
  /** Graceful stop; every call returns the same promise. */
  close(): Promise<ServeStopReport>;
}

const JSON_TYPE = "application/json";

/** Validates the options, builds the service and listens; resolves once the port is bound. */
export async function startGiftServer(options: ServeOptions): Promise<GiftServer> {
  validateServeOptions(options);
  const service = createConversionService(options);
  const admission = createAdmissionControl(options);
  const schema = eventsRequestSchema(options.maxEventsPerRequest);
  const counts: RequestCounts = { accepted: 0, badRequest: 0, tooLarge: 0, rateLimited: 0, overloaded: 0, shuttingDown: 0, bodyTimedOut: 0 };
  let draining = false;
  const limits = {
    maxBodyBytes: options.maxBodyBytes,
    maxEventsPerRequest: options.maxEventsPerRequest,
    maxInFlight: options.maxInFlight,
    rateLimitEventsPerSecond: options.rateLimitEventsPerSecond,
    bodyTimeoutMs: options.bodyTimeoutMs,
  };
  const instance = randomUUID();
  const totals = (): ServiceTotals => ({ instance, ...service.totals(), requests: { ...counts } });

  function send(res: ServerResponse, status: number, body: unknown, retryAfterSeconds?: number): void {
    if (res.headersSent || res.destroyed) return;
    const text = JSON.stringify(body);
    const headers: Record<string, string | number> = { "content-type": JSON_TYPE, "content-length": Buffer.byteLength(text) };
    if (retryAfterSeconds !== undefined) headers["retry-after"] = retryAfterSeconds;
    // While draining, every answer ends its connection so the server can close.
    if (draining) headers.connection = "close";
    res.writeHead(status, headers);
    res.end(text);
  }

  function sendError(res: ServerResponse, status: number, error: GiftsimError, retryAfterSeconds?: number): void {
    const body: ErrorResponse = { error: error.code, message: error.message };
    if (error.problems.length > 0) body.problems = error.problems.map((p) => ({ path: p.path, value: p.value, expected: p.expected }));
    if (retryAfterSeconds !== undefined) body.retryAfterSeconds = retryAfterSeconds;
    send(res, status, body, retryAfterSeconds);
  }

  function handleEvents(req: IncomingMessage, res: ServerResponse): void {
    if (draining) {
      counts.shuttingDown++;
      sendError(res, 503, errors.shuttingDown(), 1);
      return;
    }
    const admitted = admission.enter();
    if (admitted.kind === "reject") {
      counts.overloaded++;
      sendError(res, admitted.status, admitted.error, admitted.retryAfterSeconds);
      return;
    }
    const bodyDeadline = setTimeout(() => bodyTooSlow(res), options.bodyTimeoutMs);
    res.once("close", () => {
      clearTimeout(bodyDeadline);
      admission.leave();
    });
    const contentType = req.headers["content-type"];
    if (contentType !== undefined && !contentType.toLowerCase().startsWith(JSON_TYPE)) {
      counts.badRequest++;
      sendError(res, 415, errors.unsupportedMediaType(contentType));
      return;
    }
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > options.maxBodyBytes) {
      tooLarge(res, declared);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > options.maxBodyBytes) {
        if (!res.headersSent) tooLarge(res, size);
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      clearTimeout(bodyDeadline);
      if (res.headersSent) return;
      applyBody(res, chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size));
    });
  }

  function tooLarge(res: ServerResponse, bytes: number): void {
    counts.tooLarge++;
    // The rest of the body is not worth reading: answer and end the connection.
    res.setHeader("connection", "close");
    sendError(res, 413, errors.tooLarge("body", bytes, options.maxBodyBytes, "bytes per request, --max-body"));
  }

  function bodyTooSlow(res: ServerResponse): void {
    if (res.headersSent) return;
    counts.bodyTimedOut++;
    // The connection is mid-body: it cannot carry another request, so it ends with the answer.
    res.setHeader("connection", "close");
    sendError(res, 408, errors.bodyTimeout(options.bodyTimeoutMs));
  }

  function applyBody(res: ServerResponse, raw: Buffer): void {
    let body: unknown;
    try {
      body = JSON.parse(raw.toString("utf8"));
    } catch (error) {
      counts.badRequest++;
      sendError(res, 400, errors.invalidJson((error as Error).message));
      return;
    }
    let parsed: ReturnType<typeof parseEventsRequest>;
    try {
      parsed = parseEventsRequest(schema, body);
    } catch (error) {
      // A body nested thousands deep overflows the validator's stack: refuse it, keep serving.
      counts.badRequest++;
      sendError(res, 400, errors.invalidJson(`unreadable structure (${(error as Error).message})`));
      return;
    }
    if (!parsed.ok) {
      counts.badRequest++;
      sendError(res, 400, errors.invalidInput("request body", parsed.problems));
      return;
    }
    const charged = admission.charge(parsed.request.gifts.length + parsed.request.purchases.length);
    if (charged.kind === "reject") {
      counts.rateLimited++;
      sendError(res, charged.status, charged.error, charged.retryAfterSeconds);
      return;
    }
    const outcome = service.apply(parsed.request);
    counts.accepted++;
    send(res, 200, outcome);
  }

  function handleGet(res: ServerResponse, method: string, path: string): void {
    if (path === ROUTES.health) {
      send(res, draining ? 503 : 200, { status: draining ? "draining" : "ok", inFlight: admission.inFlight });
    } else if (path === ROUTES.totals) {
      send(res, 200, totals());
    } else if (path === ROUTES.config) {
      send(res, 200, { ...service.config(), limits });
    } else if (path.startsWith(ROUTES.viewer) || path.startsWith(ROUTES.creator)) {
      const isViewer = path.startsWith(ROUTES.viewer);
      const text = path.slice((isViewer ? ROUTES.viewer : ROUTES.creator).length);
      const id = /^\d{1,10}$/.test(text) ? Number(text) : -1;
      const found = isViewer ? service.viewer(id) : service.creator(id);
      if (found === undefined) {
        const count = isViewer ? service.ledger.viewerCount : service.ledger.creatorCount;
        sendError(res, 404, errors.unknownId(isViewer ? "viewer" : "creator", text, count));
      } else send(res, 200, found);
    } else sendError(res, 404, errors.routeNotFound(method, path));
  }

  // node's request timeout stays as a backstop behind the body deadline (and must exceed headersTimeout).
  const headersTimeout = 10_000;
  const server = createServer({ keepAliveTimeout: 5_000, headersTimeout, requestTimeout: headersTimeout + options.bodyTimeoutMs + 1_000 }, (req, res) => {
    const method = req.method ?? "GET";
    const query = req.url?.indexOf("?") ?? -1;
    const path = query >= 0 ? req.url!.slice(0, query) : (req.url ?? "/");
    if (path === ROUTES.events) {
      if (method === "POST") handleEvents(req, res);
      else sendError(res, 405, errors.methodNotAllowed(method, path, "POST"));
    } else if (method === "GET") handleGet(res, method, path);
    else sendError(res, 405, errors.methodNotAllowed(method, path, "GET"));
  });

  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => reject(errors.listenFailed(options.host, options.port, error.code ?? error.message));
    server.once("error", onError);
    server.listen(options.port, options.host, () => {
      server.off("error", onError);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;

  let closing: Promise<ServeStopReport> | undefined;
  function close(): Promise<ServeStopReport> {
    closing ??= new Promise((resolve) => {
      draining = true;
      const started = performance.now();
      let cutRequests = 0;
      const cut = setTimeout(() => {
        cutRequests = admission.inFlight;
        server.closeAllConnections();
      }, options.shutdownTimeoutMs);
      server.close(() => {
        clearTimeout(cut);
        resolve({ totals: totals(), shutdownMs: performance.now() - started, cutRequests });
      });
      server.closeIdleConnections();
    });
    return closing;
  }

  return { url: `http://${host}:${address.port}`, service, totals, close };
}
