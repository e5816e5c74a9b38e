export { startGiftServer } from "./gift-server.js";
export type { GiftServer, ServeStopReport } from "./gift-server.js";
export { DEFAULT_SERVE, validateServeOptions } from "./serve-options.js";
export type { ServeOptions } from "./serve-options.js";
export { createConversionService } from "./conversion-service.js";
export type { ConversionService, ConversionServiceOptions } from "./conversion-service.js";
