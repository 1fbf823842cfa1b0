import { browserSuite } from "./global-setup";

export default browserSuite;
