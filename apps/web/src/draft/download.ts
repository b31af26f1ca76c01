/**
 * Hands bytes to the browser as a file download. The draft stays on this machine: a Blob URL
 * is local to the page, and it is revoked once the browser has had time to read it.
 */
export function offerDownload(name: string, bytes: Uint8Array<ArrayBuffer>, type = 'text/plain;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The download reads the Blob after this handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
