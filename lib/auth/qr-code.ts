import QRCode from "qrcode";

/**
 * A QR code of `text` as an SVG data URL, rendered on the server (the page's CSP allows data:
 * images and no script is needed). Error correction M, as authenticator apps expect.
 */
export async function qrCodeDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: "svg", margin: 2, errorCorrectionLevel: "M" });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}
