declare namespace App {
  interface Locals {
    /**
     * Folder of the MDX file being rendered, as Vite keys globbed files (`/content/latest`), so
     * components can resolve the relative image paths authors write.
     */
    assetFolder?: string;
  }
}
