/**
 * `npm run validate:deploy [dir]`: checks the Kubernetes manifests in deploy/ (or `dir`, laid out the same, with a
 * docker/compose.yml beside it at ../docker) against the Kubernetes API's definitions (kubernetes-schemas.ts) and
 * against each other and compose (manifest-checks.ts); prints every problem with its file and exits 1 if there is
 * one. When `kubectl` is on the PATH it also renders the kustomization (`kubectl kustomize`) and checks the result
 * by the same definitions, since what is applied is the rendered set.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseAllDocuments, parse } from 'yaml';
import { KubernetesSchemas, loadKubernetesSchemas } from './kubernetes-schemas';
import { deployProblems, ManifestDocument, ManifestFile } from './manifest-checks';

function readDocuments(text: string, label: string): ManifestDocument[] {
  return parseAllDocuments(text).map((document, i) => {
    if (document.errors.length > 0) throw new Error(`${label}: YAML document ${i + 1}: ${document.errors[0].message}`);
    return document.toJS() as ManifestDocument;
  });
}

function schemaProblemsOf(schemas: KubernetesSchemas, files: ManifestFile[]): string[] {
  return files.flatMap(({ file, documents }) =>
    documents.flatMap((doc) =>
      schemas.problems(doc).map((p) => `${file}: ${String(doc.kind)} ${String(doc.metadata?.name)}: ${p}`),
    ),
  );
}

function kubectlAvailable(): boolean {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<number> {
  const schemas = await loadKubernetesSchemas();
  const deployDir = resolve(process.argv[2] ?? 'deploy');
  const composePath = join(deployDir, '..', 'docker', 'compose.yml');
  const yamlFiles = readdirSync(deployDir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort();
  const kustomization: unknown = parse(readFileSync(join(deployDir, 'kustomization.yaml'), 'utf8'));
  const files: ManifestFile[] = yamlFiles
    .filter((f) => f !== 'kustomization.yaml')
    .map((file) => ({ file, documents: readDocuments(readFileSync(join(deployDir, file), 'utf8'), file) }));
  const compose: unknown = parse(readFileSync(composePath, 'utf8'));

  const problems = [
    ...schemaProblemsOf(schemas, files),
    ...deployProblems({ files, kustomization, yamlFiles, compose }),
  ];
  let rendered = 'not rendered (no kubectl on the PATH)';
  if (problems.length === 0 && kubectlAvailable()) {
    const output = execFileSync('kubectl', ['kustomize', deployDir], { encoding: 'utf8' });
    const documents = readDocuments(output, 'kubectl kustomize');
    problems.push(...schemaProblemsOf(schemas, [{ file: 'rendered', documents }]));
    rendered = `rendered by kubectl kustomize: ${documents.length} objects`;
  }
  const objects = files.reduce((n, f) => n + f.documents.length, 0);
  if (problems.length > 0) {
    console.error(
      `deploy: ${problems.length} problem(s) in ${deployDir}:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    return 1;
  }
  console.log(`deploy: ${objects} objects in ${files.length} files valid and consistent with compose; ${rendered}.`);
  return 0;
}

void main().then((code) => {
  process.exitCode = code;
});
