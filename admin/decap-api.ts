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

/** One file of a save, as Decap's core hands it to the backend's persistEntry. */
export interface DataFile {
  path: string;
  slug: string;
  raw: string;
}

/**
 * A backend implementation: the call whose commit message the admin page rewrites, and the two
 * with which it reads back a draft of the local backend (src/lib/cms/draft-files.ts).
 */
export interface BackendImplementation {
  persistEntry(
    entry: { dataFiles: DataFile[]; assets: unknown[] },
    options: { commitMessage: string; collectionName: string; [option: string]: unknown },
  ): Promise<unknown>;
  unpublishedEntryDataFile(collection: string, slug: string, path: string, id: string): Promise<string>;
  getEntry(path: string): Promise<{ data?: string | null }>;
}

export interface DecapCms {
  init(options: { config: unknown }): void;
  /** The registry's own record of a backend (mutable): `init` makes its implementation. */
  getBackend(name: string): { init: (...args: unknown[]) => BackendImplementation } | undefined;
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
