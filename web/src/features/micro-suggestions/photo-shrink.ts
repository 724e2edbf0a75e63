/**
 * Phone photos are large (4–12 MB, 4000 px): before upload a photo is redrawn as a JPEG of at most 1600 px on its
 * long side, which makes the upload quick on a mobile network and drops the camera's location data. A photo that
 * is already small and JPG/PNG is sent as it is; anything the browser cannot redraw is sent unchanged (the server
 * checks the bytes and answers in Chinese).
 */

/** The long side of an uploaded photo, in pixels. */
export const PHOTO_MAX_SIDE = 1600;
/** Files up to this size that are JPG or PNG and small enough in pixels are sent unchanged. */
export const PHOTO_KEEP_BYTES = 1.5 * 1024 * 1024;

/** The size a photo is redrawn at: its own when it fits, else scaled down to the long side. */
export function scaledSize(width: number, height: number, maxSide = PHOTO_MAX_SIDE): { width: number; height: number } {
  if (width <= 0 || height <= 0) return { width: 0, height: 0 };
  const long = Math.max(width, height);
  if (long <= maxSide) return { width, height };
  const factor = maxSide / long;
  return { width: Math.max(1, Math.round(width * factor)), height: Math.max(1, Math.round(height * factor)) };
}

/** True when the file needs no redrawing: a JPG or PNG under the size limit (pixels are checked after decoding). */
export function keepsAsIs(file: { type: string; size: number }): boolean {
  return (file.type === 'image/jpeg' || file.type === 'image/png') && file.size <= PHOTO_KEEP_BYTES;
}

/** The file name of the redrawn photo: the original's stem with .jpg. */
export function jpegName(name: string): string {
  const stem = name.replace(/\.[^./\\]+$/, '') || '照片';
  return `${stem}.jpg`;
}

/** A chosen photo, ready to upload (redrawn when it is large or not JPG/PNG). */
export async function shrinkPhoto(file: File): Promise<File> {
  if (typeof createImageBitmap !== 'function' || typeof document === 'undefined') return file;
  let bitmap: ImageBitmap | null = null;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
    const size = scaledSize(bitmap.width, bitmap.height);
    if (keepsAsIs(file) && size.width === bitmap.width && size.height === bitmap.height) return file;
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const context = canvas.getContext('2d');
    if (!context) return file;
    context.fillStyle = '#fff';
    context.fillRect(0, 0, size.width, size.height);
    context.drawImage(bitmap, 0, 0, size.width, size.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
    if (!blob) return file;
    return new File([blob], jpegName(file.name), { type: 'image/jpeg' });
  } catch {
    return file;
  } finally {
    bitmap?.close();
  }
}
