export type Part =
  | { name: string; value: string }
  | { name: string; filename: string; type: string; content: Buffer };

/** A multipart body as a browser sends it, parts in the order given. */
export function multipart(parts: Part[]): { headers: Record<string, string>; payload: Buffer } {
  const boundary = "----witsTestBoundary7MA4YWxk";
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition =
      "filename" in part
        ? `form-data; name="${part.name}"; filename="${part.filename}"\r\nContent-Type: ${part.type}`
        : `form-data; name="${part.name}"`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n\r\n`));
    chunks.push("filename" in part ? part.content : Buffer.from(part.value, "utf8"));
    chunks.push(Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat(chunks),
  };
}
