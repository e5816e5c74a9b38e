export { giftsimVersion } from "../install.js";
