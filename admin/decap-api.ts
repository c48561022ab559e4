/**
 * The little of Decap CMS's browser API the admin page's script uses (decap-cms.js puts CMS, h
 * and createClass on window). Immutable values are read through get/toJS only.
 */
export interface ImmutableLike {
  get(key: string): unknown;
  set(key: string, value: unknown): ImmutableLike;
  toJS(): unknown;
}

export interface PreviewProps {
  entry: ImmutableLike;
  collection: ImmutableLike;
  widgetFor(name: string): unknown;
}

export type Element = unknown;
export type H = (type: unknown, props?: Record<string, unknown> | null, ...children: unknown[]) => Element;

export interface EditorComponent {
  id: string;
  label: string;
  type?: string;
  widget?: string;
  fields?: unknown;
  [part: string]: unknown;
}

export interface DecapCms {
  init(options: { config: unknown }): void;
  registerPreviewTemplate(name: string, component: unknown): void;
  registerPreviewStyle(style: string, options?: { raw: boolean }): void;
  registerLocale(locale: string, phrases: unknown): void;
  getLocale(locale: string): unknown;
  /** Decap's Markdown editor blocks by id, each as registerEditorComponent made it. */
  getEditorComponents(): { get(id: string): EditorComponent | undefined };
  registerEditorComponent(component: EditorComponent): void;
  registerEventListener(listener: {
    name: 'preSave';
    handler: (event: { entry: ImmutableLike }) => ImmutableLike | undefined;
  }): void;
}

export interface DecapWindow {
  CMS: DecapCms;
  h: H;
  createClass: (spec: Record<string, unknown>) => unknown;
  CMS_MANUAL_INIT?: boolean;
}
