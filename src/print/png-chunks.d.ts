declare module 'png-chunks-extract' {
  /** The chunks of a PNG file, in order (IHDR first, IEND last). */
  export default function extract(data: Uint8Array): { name: string; data: Uint8Array }[];
}
declare module 'png-chunks-encode' {
  /** A PNG file made of these chunks (their CRCs computed). */
  export default function encode(chunks: readonly { name: string; data: Uint8Array }[]): Uint8Array;
}
