/**
 * Which JSX attributes hold links or images, per element or component. A new component with a
 * link prop needs one line here and the checker follows it.
 */
export interface LinkProp {
  attribute: string;
  kind: 'link' | 'image';
}

export const LINK_PROPS: Record<string, LinkProp[]> = {
  a: [{ attribute: 'href', kind: 'link' }],
  img: [{ attribute: 'src', kind: 'image' }],
  Figure: [{ attribute: 'src', kind: 'image' }],
  iframe: [{ attribute: 'src', kind: 'link' }],
  form: [{ attribute: 'action', kind: 'link' }],
  button: [{ attribute: 'formaction', kind: 'link' }],
  area: [{ attribute: 'href', kind: 'link' }],
  object: [{ attribute: 'data', kind: 'link' }],
  embed: [{ attribute: 'src', kind: 'link' }],
};

/** Frontmatter fields that name an image (for social cards and the like). */
export const FRONTMATTER_IMAGE_FIELDS = ['image', 'cover', 'ogImage'];
