// Reads a vitest JSON report, prints one closing line ("tests: N passed, N failed, N skipped")
// and fails when anything failed or was skipped: on CI a skipped suite hides a missing install.
import { readFileSync } from 'node:fs';

const file = process.argv[2];
if (!file) {
  console.error('usage: node scripts/ci-summary.mjs <vitest-json-report>');
  process.exit(2);
}
const report = JSON.parse(readFileSync(file, 'utf8'));
const passed = report.numPassedTests ?? 0;
const failed = report.numFailedTests ?? 0;
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
const label = process.argv[3] ?? 'tests';

for (const suite of report.testResults ?? []) {
  for (const test of suite.assertionResults ?? []) {
    if (test.status === 'skipped' || test.status === 'pending' || test.status === 'todo') {
      console.error(`skipped: ${suite.name} > ${test.fullName}`);
    }
  }
}
console.log(`${label}: ${passed} passed, ${failed} failed, ${skipped} skipped`);
if (failed > 0 || skipped > 0 || passed === 0) process.exit(1);
