/** Simplified → Traditional (Taiwan standard) conversion with OpenCC; its dictionaries load on first use. */

/** A text converter. */
export type Convert = (text: string) => string;

let traditionalConverter: Convert | null = null;
let converterLoading: Promise<Convert> | null = null;

/** The converter when it has been loaded, else null. */
export function cachedTraditionalConverter(): Convert | null {
  return traditionalConverter;
}

/** Loads the Simplified → Traditional converter once; its dictionaries are a separate chunk of the bundle. */
export function loadTraditionalConverter(): Promise<Convert> {
  if (traditionalConverter) return Promise.resolve(traditionalConverter);
  converterLoading ??= import('opencc-js/cn2t').then((opencc) => {
    const convert = opencc.Converter({ from: 'cn', to: 'tw' });
    traditionalConverter = (text: string) => (text ? convert(text) : text);
    return traditionalConverter;
  });
  return converterLoading;
}
