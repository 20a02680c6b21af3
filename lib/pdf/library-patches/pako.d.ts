declare module "pako" {
  /** pako 1.x, as far as pdf-lib-native-deflate.ts uses it: its module object, whose deflate pdf-lib calls. */
  const pako: {
    deflate(data: Uint8Array, options?: unknown): Uint8Array;
    inflate(data: Uint8Array): Uint8Array;
  };
  export default pako;
}
