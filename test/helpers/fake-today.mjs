// Loaded with NODE_OPTIONS=--import=… into a real tp-setup process: the clock reads
// TP_TEST_NOW (an ISO date), so "how old is the catalog" can be tested on any day.
const RealDate = globalThis.Date;
const now = () => new RealDate(process.env.TP_TEST_NOW ?? RealDate.now()).getTime();
globalThis.Date = class extends RealDate {
  constructor(...args) {
    super(...(args.length > 0 ? args : [now()]));
  }
  static now() {
    return now();
  }
};
