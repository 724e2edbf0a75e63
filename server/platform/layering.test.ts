import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const platformFolder = fileURLToPath(new URL('.', import.meta.url));

/** Every source file under server/platform/, tests left out. */
function platformSources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return platformSources(path);
    return /\.(ts|mjs)$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('layering', () => {
  it('keeps the platform free of domain modules: no file under server/platform imports server/modules', () => {
    const offenders = platformSources(platformFolder).flatMap((file) => {
      const imports = [...readFileSync(file, 'utf8').matchAll(/from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g)];
      return imports
        .map((match) => match[1] ?? match[2])
        .filter((target) => /(^|\/)modules\//.test(target))
        .map((target) => `${relative(platformFolder, file)} → ${target}`);
    });
    expect(platformSources(platformFolder).length).toBeGreaterThan(50);
    expect(offenders).toEqual([]);
  });
});
