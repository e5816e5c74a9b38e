export { startGiftServer } from "./gift-server.js";
export type { GiftServer, ServeStopReport } from "./gift-server.js";
export { DEFAULT_SERVE, validateServeOptions } from "./serve-options.js";
export type { ServeOptions } from "./serve-options.js";
export { createConversionService } from "./conversion-service.js";
export type { ConversionService, ConversionServiceOptions } from "./conversion-service.js";
export { ROUTES } from "./http-api.js";
export type {
  BatchOutcome,
  ErrorResponse,
  EventsRequest,
  EventsResponse,
  GiftEvent,
  PurchaseEvent,
  RequestCounts,
  ServiceConfig,
  ServiceTotals,
} from "./http-api.js";
export { addTallies, emptyTally, sameTally, subtractTallies, tallyEvent, tallyFromWire, tallyToWire } from "./event-tally.js";
export type { EventTally, WireTally } from "./event-tally.js";
