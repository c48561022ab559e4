/**
 * The layers of docs/ARCHITECTURE.md hold only while no module imports, through others, a module
 * that imports it back: a cycle makes the order modules load in decide which of them sees the
 * other's exports still undefined, and it is where a view and the data below it grew into one
 * (src/data/translations.ts and list-pages.ts did). Imports of types alone are erased and do not
 * count; neither do dynamic `import()`s, which load later.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

/** Every module under `dir`: TypeScript and components, not declarations. */
const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(ts|mts|astro)$/.test(name) && !name.endsWith('.d.ts'))
    .map((name) => join(dir, name));

/** The module's code: a component's frontmatter, or the whole file. */
function codeOf(path: string): string {
  const text = readFileSync(path, 'utf8');
  if (!path.endsWith('.astro')) return text;
  return /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
}

/** The project's own modules that `path` imports for their values (what runs when it loads). */
function valueImports(path: string): string[] {
  const file = ts.createSourceFile(path, codeOf(path), ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const found: string[] = [];
  for (const statement of file.statements) {
    let specifier: ts.Expression | undefined;
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (clause?.isTypeOnly) continue;
      const bindings = clause?.namedBindings;
      // `import { type A, type B } from …` is erased too; a bare `import './x'` runs it.
      if (
        clause &&
        !clause.name &&
        bindings &&
        ts.isNamedImports(bindings) &&
        bindings.elements.length > 0 &&
        bindings.elements.every((e) => e.isTypeOnly)
      )
        continue;
      specifier = statement.moduleSpecifier;
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
      specifier = statement.moduleSpecifier;
    }
    if (!specifier || !ts.isStringLiteral(specifier) || !specifier.text.startsWith('.')) continue;
    const target = resolve(dirname(path), specifier.text);
    if (existsSync(target)) found.push(target);
  }
  return found;
}

/** Each cycle once, as the chain of files (relative to the project) that closes it. */
function cyclesIn(files: string[]): string[][] {
  const graph = new Map(files.map((f) => [f, valueImports(f)]));
  const cycles = new Map<string, string[]>();
  const done = new Set<string>();
  const path: string[] = [];
  const onPath = new Set<string>();
  const visit = (file: string) => {
    done.add(file);
    onPath.add(file);
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      if (onPath.has(next)) {
        const cycle = path.slice(path.indexOf(next)).map((f) => relative(root, f));
        cycles.set([...cycle].sort().join(' '), cycle);
      } else if (!done.has(next)) visit(next);
    }
    path.pop();
    onPath.delete(file);
  };
  for (const file of files) if (!done.has(file)) visit(file);
  return [...cycles.values()];
}

describe('imports', () => {
  it('finds a cycle where there is one, and not through imports of types (the check itself)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cycles-'));
    const write = (name: string, code: string) => {
      writeFileSync(join(dir, name), code);
      return join(dir, name);
    };
    const a = write('a.ts', "import { b } from './b.ts';\nexport const a = () => b;\n");
    const b = write('b.ts', "export { a } from './a.ts';\nexport const b = 1;\n");
    const c = write(
      'c.ts',
      "import type { a } from './a.ts';\nimport { type b } from './b.ts';\nexport type C = typeof a | b;\n",
    );
    const d = write('d.astro', "---\nimport { a } from './a.ts';\n---\n<p>{a()}</p>\n");
    const found = cyclesIn([a, b, c, d]);
    expect(found).toHaveLength(1);
    expect(found[0]?.map((f) => f.split('/').pop()).sort()).toEqual(['a.ts', 'b.ts']);
    expect(valueImports(c)).toEqual([]);
    expect(valueImports(d)).toEqual([a]);
  });

  it('of src/ and scripts/ form no cycle', () => {
    const files = [...sourceFiles(join(root, 'src')), ...sourceFiles(join(root, 'scripts'))];
    expect(files.length).toBeGreaterThan(100);
    expect(cyclesIn(files).map((cycle) => cycle.join(' → '))).toEqual([]);
  });
});
