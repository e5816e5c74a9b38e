/**
 * Q&A: viewers queue questions; the creator answers one every answerSeconds, gifted questions
 * first. Curious viewers gift more (hazard hazardBase + hazardPerCuriosity x curiosity); a
 * viewer whose free question waits gifts more readily to jump the queue (queueJumpBoost); a
 * viewer with a question waiting is engaged (leaves less); an answered viewer gains
 * answeredSatisfaction. A goal ticker runs by default (goalTicker). A viewer asks on arrival
 * with probability askProbability x curiosity, and with a gift asks with askProbability.
 * Parameters: config.formats.qa.
 */
import type { SimConfig } from "../config.js";
import type { StreamContext } from "../stream-context.js";
import { neutralHooks, type StreamFormat } from "./format.js";

const NONE = 0;
const FREE = 1;
const GIFTED = 2;

/** A FIFO of viewer ids; entries whose viewer's state changed are skipped when popped. */
interface Queue {
  items: Int32Array;
  head: number;
  tail: number;
}

function push(queue: Queue, viewer: number): void {
  if (queue.tail === queue.items.length) {
    const live = queue.tail - queue.head;
    const items = live * 2 > queue.items.length ? new Int32Array(queue.items.length * 2) : queue.items;
    items.set(queue.items.subarray(queue.head, queue.tail));
    queue.items = items;
    queue.head = 0;
    queue.tail = live;
  }
  queue.items[queue.tail++] = viewer;
}

/** The Q&A format's runtime (question queues, per-viewer question state). */
export function createQa(config: SimConfig, viewerCount: number): StreamFormat {
  const p = config.formats.qa;
  /** NONE, FREE or GIFTED: the viewer's question waiting in this stream. */
  const question = new Uint8Array(viewerCount);
  const answered = new Uint8Array(viewerCount);
  const free: Queue = { items: new Int32Array(256), head: 0, tail: 0 };
  const gifted: Queue = { items: new Int32Array(256), head: 0, tail: 0 };

  function enqueue(ctx: StreamContext, viewer: number, kind: number): void {
    question[viewer] = kind;
    push(kind === GIFTED ? gifted : free, viewer);
    ctx.refreshWeight(viewer);
  }

  /** Next viewer whose question of `kind` still waits, or -1. */
  function pop(ctx: StreamContext, queue: Queue, kind: number): number {
    while (queue.head < queue.tail) {
      const viewer = queue.items[queue.head++];
      if (question[viewer] === kind && ctx.isPresent(viewer)) return viewer;
    }
    return -1;
  }

  return {
    ...neutralHooks,
    id: "qa",
    dwell: p.dwell,
    durationFactor: 1,
    returnBoost: 0,
    visibility: 1,
    goalTicker: p.goalTicker,
    startStream: () => {
      free.head = free.tail = 0;
      gifted.head = gifted.tail = 0;
      return p.answerSeconds;
    },
    onTimer: (ctx: StreamContext, t: number) => {
      let viewer = pop(ctx, gifted, GIFTED);
      if (viewer < 0) viewer = pop(ctx, free, FREE);
      if (viewer >= 0) {
        question[viewer] = NONE;
        answered[viewer] = 1;
        ctx.refreshWeight(viewer);
      }
      return t + p.answerSeconds;
    },
    viewerHazard: (ctx: StreamContext, viewer: number) =>
      (p.hazardBase + p.hazardPerCuriosity * ctx.viewers.curiosity[viewer]) * (question[viewer] === FREE ? 1 + p.queueJumpBoost : 1),
    engaged: (_ctx: StreamContext, viewer: number) => question[viewer] !== NONE,
    onArrival: (ctx: StreamContext, viewer: number) => {
      question[viewer] = NONE;
      answered[viewer] = 0;
      if (ctx.random.uniform() < p.askProbability * ctx.viewers.curiosity[viewer]) enqueue(ctx, viewer, FREE);
    },
    onGift: (ctx: StreamContext, viewer: number) => {
      if (question[viewer] === FREE || (question[viewer] === NONE && answered[viewer] === 0 && ctx.random.uniform() < p.askProbability)) {
        enqueue(ctx, viewer, GIFTED);
      }
    },
    satisfactionBonus: (_ctx: StreamContext, viewer: number) => (answered[viewer] === 1 ? p.answeredSatisfaction : 0),
  };
}
