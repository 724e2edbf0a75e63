/**
 * The last tagged release, whose database the upgrade test builds and upgrades with the current code. Each release
 * updates this file (decision 0011); the commit lets a clone without tags still find the release.
 */
export const lastRelease = { tag: 'v0.2.0', commit: '6a7cd34f3c4afa9191425e18cb360b9ad91d5cc4' } as const;
