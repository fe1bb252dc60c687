/**
 * The components every guide can use without importing them. The page that renders guides passes
 * exactly these to MDX (a test keeps the two in step), and the validator rejects any other
 * capitalised tag before MDX fails on it with a less helpful error.
 */
export const GUIDE_COMPONENTS = [
  'Steps',
  'Step',
  'Hint',
  'Figure',
  'Ui',
  'Copy',
  'Tabs',
  'Tab',
  'LoginUrlCalculator',
  'MetadataChecker',
  'KeeperUrl',
  'Value',
] as const;

export type GuideComponent = (typeof GUIDE_COMPONENTS)[number];

export const HINT_TYPES = ['info', 'success', 'warning', 'danger'] as const;
export type HintType = (typeof HINT_TYPES)[number];

/** Step ids: lowercase words joined by single hyphens, like the heading slugs next to them. */
export const STEP_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
