/**
 * An entry page that fails while being made says which content file to look at, as every
 * validation message does (the search worker and the flyer script name it the same way).
 */

/** Runs `work`; an error it throws is thrown again with the file in front (the original as cause). */
export async function forEntryPage<T>(file: string | undefined, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${file ?? '?'}: このページを作れませんでした / the page could not be made: ${message}`, {
      cause: error,
    });
  }
}
