/**
 * Q&A: viewers queue questions; the creator answers one every answerSeconds, gifted questions
 * first. Curious viewers gift more (hazard hazardBase + hazardPerCuriosity x curiosity); a
 * viewer whose free question waits gifts more readily to jump the queue (queueJumpBoost); a
 * viewer with a question waiting is engaged (leaves less); an answered viewer gains
 * answeredSatisfaction. A viewer asks on arrival with probability askProbability x curiosity,
 * and with a gift asks with askProbability. The guide pairs Q&A with a pinned gift goal
 * ticker; that ticker is the goal-bar tactic (tactics/goal-bar.ts), which any format may run,
 * so it is not part of this format. Parameters: config.formats.qa, declared in qa-params.ts.
 */
import type { SimConfig } from "../config.js";
import type { StreamContext } from "../stream-context.js";
import type { QaParams } from "./qa-params.js";
import { BaseFormat, type StreamFormat } from "./format.js";

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
class QaFormat extends BaseFormat {
  readonly id = "qa";
  readonly dwell: number;
  private readonly p: QaParams;
  /** NONE, FREE or GIFTED: the viewer's question waiting in this stream. */
  private readonly question: Uint8Array;
  private readonly answered: Uint8Array;
  private readonly free: Queue = { items: new Int32Array(256), head: 0, tail: 0 };
  private readonly gifted: Queue = { items: new Int32Array(256), head: 0, tail: 0 };

  constructor(config: SimConfig, viewerCount: number) {
    super();
    this.p = config.formats.qa;
    this.dwell = this.p.dwell;
    this.question = new Uint8Array(viewerCount);
    this.answered = new Uint8Array(viewerCount);
  }

  /** Queues the viewer's question; called from onArrival and onGift, after which the engine refreshes the viewer's weight. */
  private enqueue(viewer: number, kind: number): void {
    this.question[viewer] = kind;
    push(kind === GIFTED ? this.gifted : this.free, viewer);
  }

  /** Next viewer whose question of `kind` still waits, or -1. */
  private pop(ctx: StreamContext, queue: Queue, kind: number): number {
    while (queue.head < queue.tail) {
      const viewer = queue.items[queue.head++];
      if (this.question[viewer] === kind && ctx.isPresent(viewer)) return viewer;
    }
    return -1;
  }

  override startStream(): number {
    this.free.head = this.free.tail = 0;
    this.gifted.head = this.gifted.tail = 0;
    return this.p.answerSeconds;
  }

  override onTimer(ctx: StreamContext, t: number): number {
    let viewer = this.pop(ctx, this.gifted, GIFTED);
    if (viewer < 0) viewer = this.pop(ctx, this.free, FREE);
    if (viewer >= 0) {
      this.question[viewer] = NONE;
      this.answered[viewer] = 1;
      ctx.refreshWeight(viewer);
    }
    return t + this.p.answerSeconds;
  }

  override viewerHazard(ctx: StreamContext, viewer: number): number {
    return (this.p.hazardBase + this.p.hazardPerCuriosity * ctx.viewers.curiosity[viewer]) * (this.question[viewer] === FREE ? 1 + this.p.queueJumpBoost : 1);
  }

  override holdsViewer(_ctx: StreamContext, viewer: number): boolean {
    return this.question[viewer] !== NONE;
  }

  override onArrival(ctx: StreamContext, viewer: number): void {
    this.question[viewer] = NONE;
    this.answered[viewer] = 0;
    if (ctx.random.uniform() < this.p.askProbability * ctx.viewers.curiosity[viewer]) this.enqueue(viewer, FREE);
  }

  override onGift(ctx: StreamContext, viewer: number): void {
    const question = this.question[viewer];
    if (question === FREE || (question === NONE && this.answered[viewer] === 0 && ctx.random.uniform() < this.p.askProbability)) {
      this.enqueue(viewer, GIFTED);
    }
  }

  override satisfactionBonus(_ctx: StreamContext, viewer: number): number {
    return this.answered[viewer] === 1 ? this.p.answeredSatisfaction : 0;
  }
}

export function createQa(config: SimConfig, viewerCount: number): StreamFormat {
  return new QaFormat(config, viewerCount);
}
