/**
 * Fails when an installed package's `engines.node` excludes a Node version the root package.json promises
 * (npm only warns at install). Reads package-lock.json; run by `npm run validate`.
 *
 * "Promised" is the root range on Node's long-term-support lines (even majors): odd majors are never LTS and
 * packages routinely leave them out. Optional packages (platform binaries, wasm fallbacks) are skipped: npm
 * installs them only where they fit and goes on without them otherwise.
 */
import { readFileSync } from 'node:fs';
import semver from 'semver';

interface LockPackage {
  version?: string;
  optional?: boolean;
  engines?: Record<string, string> | string[];
}

const LTS_MAJORS = [20, 22, 24];

const root = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
  packages: Record<string, LockPackage>;
};
const promised = new semver.Range(root.engines.node);

/** The promised versions within one major line, or null when it promises none there. */
function withinMajor(major: number): semver.Range | null {
  const line = new semver.Range(`>=${major}.0.0 <${major + 1}.0.0-0`);
  const sets = promised.set
    .map((comparators) => new semver.Range(comparators.map((c) => c.value).join(' ')))
    .filter((set) => set.intersects(line))
    .map((set) => `${set.range} ${line.range}`);
  return sets.length > 0 ? new semver.Range(sets.join(' || ')) : null;
}
const promisedLines = LTS_MAJORS.flatMap((major) => withinMajor(major) ?? []);

const excluding = Object.entries(lock.packages).flatMap(([location, pkg]) => {
  // Old packages wrote engines as an array of strings; npm ignores those, and so do we.
  const node = pkg.engines && !Array.isArray(pkg.engines) ? pkg.engines.node : undefined;
  if (location === '' || pkg.optional || !node) return [];
  const ok = semver.validRange(node) !== null && promisedLines.every((line) => semver.subset(line, node));
  return ok ? [] : [`  ${location.replace(/^.*node_modules\//, '')}@${pkg.version ?? '?'}: node ${node}`];
});

if (excluding.length > 0) {
  console.error(`These packages do not support every Node version of engines.node "${root.engines.node}":`);
  console.error(excluding.join('\n'));
  console.error('Pin a version that does (npm "overrides" in package.json for a transitive dependency).');
  process.exit(1);
}
console.log(`engines: every package supports node ${root.engines.node} (LTS lines ${LTS_MAJORS.join(', ')})`);
