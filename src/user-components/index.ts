/** The components handed to every guide's MDX, so authors never import them. Mirrors GUIDE_COMPONENTS. */
import Steps from './Steps.astro';
import Step from './Step.astro';
import Hint from './Hint.astro';
import Figure from './Figure.astro';
import Ui from './Ui.astro';
import Copy from './Copy.astro';
import Tabs from './Tabs.astro';
import Tab from './Tab.astro';
import LoginUrlCalculator from './LoginUrlCalculator.astro';
import MetadataChecker from './MetadataChecker.astro';
import KeeperUrl from './KeeperUrl.astro';
import Value from './Value.astro';
import type { GuideComponent } from '../lib/guide/components';

export const guideComponents: Record<GuideComponent, unknown> = {
  Steps,
  Step,
  Hint,
  Figure,
  Ui,
  Copy,
  Tabs,
  Tab,
  LoginUrlCalculator,
  MetadataChecker,
  KeeperUrl,
  Value,
};
