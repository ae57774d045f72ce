// Base64 for keys, signatures and payloads, through the platform's own atob/btoa (browsers and
// Node alike). A string that is not strict base64 decodes to undefined, never to other bytes.
declare global {
  // The platform's (WHATWG, and Node's globals): the package's lib has no DOM.
  function atob(data: string): string;
  function btoa(data: string): string;
}

const STRICT = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

export function fromBase64(text: string): Uint8Array | undefined {
  if (!STRICT.test(text)) return undefined;
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
