import { unitSuite } from "./global-setup";

export default unitSuite;
