import type { PrintRenderRequest } from '../map/print-render';

/** What printing needs of the live map, registered by the map view once the map exists. */
export interface PrintPort {
  render(req: PrintRenderRequest): Promise<HTMLCanvasElement>;
  maxSide(): number;
  viewBounds(): [number, number, number, number];
}

let port: PrintPort | null = null;

export function setPrintPort(p: PrintPort | null): void {
  port = p;
}

export function printPort(): PrintPort | null {
  return port;
}
