import { describe, expect, it } from 'vitest';
import { jpegName, keepsAsIs, PHOTO_KEEP_BYTES, scaledSize } from './photo-shrink.ts';

describe('photos before upload', () => {
  it('keeps a photo that fits and scales a large one to its long side', () => {
    expect(scaledSize(1200, 900)).toEqual({ width: 1200, height: 900 });
    expect(scaledSize(4000, 3000)).toEqual({ width: 1600, height: 1200 });
    expect(scaledSize(3024, 4032)).toEqual({ width: 1200, height: 1600 });
    expect(scaledSize(0, 100)).toEqual({ width: 0, height: 0 });
  });

  it('sends small JPG and PNG files unchanged and redraws the others', () => {
    expect(keepsAsIs({ type: 'image/jpeg', size: 500_000 })).toBe(true);
    expect(keepsAsIs({ type: 'image/png', size: PHOTO_KEEP_BYTES })).toBe(true);
    expect(keepsAsIs({ type: 'image/jpeg', size: PHOTO_KEEP_BYTES + 1 })).toBe(false);
    expect(keepsAsIs({ type: 'image/heic', size: 300_000 })).toBe(false);
    expect(keepsAsIs({ type: 'image/webp', size: 300_000 })).toBe(false);
  });

  it('names the redrawn photo .jpg', () => {
    expect(jpegName('IMG_0001.HEIC')).toBe('IMG_0001.jpg');
    expect(jpegName('路灯.png')).toBe('路灯.jpg');
    expect(jpegName('.png')).toBe('照片.jpg');
    expect(jpegName('photo')).toBe('photo.jpg');
  });
});
