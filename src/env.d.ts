declare namespace App {
  interface Locals {
    /** Content id of the guide being rendered (`latest/jumpcloud`), for components that resolve relative paths. */
    guideFile?: string;
  }
}
