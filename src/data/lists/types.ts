// Shapes the lists gateway hands out. Graph's listItem carries much more; callers need only these.

/** A list item with its ETag (the value to send back in If-Match) and its column values. */
export interface ListItem {
  readonly id: string;
  readonly etag: string;
  readonly fields: Readonly<Record<string, unknown>>;
}

export interface ItemPage {
  readonly items: readonly ListItem[];
  /** Absolute @odata.nextLink as the server gave it, or null on the last page. */
  readonly nextLink: string | null;
}
