/** jsbarcode's Code 128 encoders alone, without the library's other symbologies and renderers. */
declare module 'jsbarcode/bin/barcodes/CODE128/index.js' {
  /** Code 128 that picks its character sets (A, B, C) itself. */
  export class CODE128 {
    constructor(data: string, options: object);
    valid(): boolean;
    /** `data`: one character per module, '1' a bar and '0' a space. */
    encode(): { data: string; text: string };
  }
}
