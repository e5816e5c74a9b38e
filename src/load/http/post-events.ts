/**
 * One POST /v1/events through undici's dispatcher, without a body stream per answer: the
 * load client's hot path. Records when the request reached a connection (it may have waited in
 * the pool's queue before), so service time excludes the client's own queueing.
 */
import { performance } from "node:perf_hooks";
import type { Dispatcher } from "undici";
import { ROUTES } from "../../serve/http-api.js";

export interface PostAnswer {
  status: number;
  /** The Retry-After header, when the answer had one. */
  retryAfter: string | undefined;
  text: string;
  /** performance.now() when the request was handed to a connection. */
  dispatchedAt: number;
}

const HEADERS = { "content-type": "application/json" };

export function postEvents(dispatcher: Dispatcher, body: string): Promise<PostAnswer> {
  return new Promise((resolve, reject) => {
    let status = 0;
    let retryAfter: string | undefined;
    let dispatchedAt = performance.now();
    const chunks: Buffer[] = [];
    dispatcher.dispatch(
      { path: ROUTES.events, method: "POST", headers: HEADERS, body },
      {
        onRequestStart() {
          dispatchedAt = performance.now();
        },
        onResponseStart(_controller, statusCode, headers) {
          status = statusCode;
          const value = headers["retry-after"];
          retryAfter = Array.isArray(value) ? value[0] : value;
        },
        onResponseData(_controller, chunk) {
          chunks.push(chunk);
        },
        onResponseEnd() {
          resolve({ status, retryAfter, text: (chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)).toString("utf8"), dispatchedAt });
        },
        onResponseError(_controller, error) {
          reject(error);
        },
      },
    );
  });
}

/** The answer's body as JSON, or undefined when it is not JSON. */
export function answerJson(answer: PostAnswer): unknown {
  try {
    return JSON.parse(answer.text);
  } catch {
    return undefined;
  }
}
