// The what-if's Web Worker: its requests answered by whatIfService, one at a time in the order
// sent (the page sends the next draft only after a reply), off the page's thread. ExcelJS loads
// only here.
import type { WhatIfReply, WhatIfRequest } from './protocol.ts';
import { whatIfService } from './service.ts';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<WhatIfRequest>) => void) | null;
  postMessage: (reply: WhatIfReply) => void;
};

const answer = whatIfService();
let queue = Promise.resolve();
scope.onmessage = (e) => {
  const req = e.data;
  queue = queue.then(() => answer(req).then((reply) => scope.postMessage(reply)));
};
