/** One test case of a JUnit report; a failure makes it red. */
export type JunitCase = {
  name: string;
  classname: string;
  timeS?: number;
  failure?: { message: string; type?: string; details?: string };
};

/** One `<testsuite>`. */
export type JunitSuite = { name: string; cases: readonly JunitCase[] };

// XML 1.0 allows no control characters besides tab, newline and carriage return, not even escaped.
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text content: model answers may contain anything, including `]]>` and control bytes. */
export function escapeXmlText(value: string): string {
  return value
    .replace(INVALID_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** Attribute values: also quotes, and whitespace as character references so parsers keep it. */
export function escapeXmlAttr(value: string): string {
  return escapeXmlText(value)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

function attrs(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter((kv): kv is [string, string | number] => kv[1] !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXmlAttr(String(v))}"`)
    .join('');
}

const seconds = (cases: readonly JunitCase[]) =>
  (Math.round(cases.reduce((s, c) => s + (c.timeS ?? 0), 0) * 1000) / 1000).toString();

function testcase(c: JunitCase): string {
  const head = `    <testcase${attrs({ name: c.name, classname: c.classname, time: c.timeS?.toFixed(3) })}`;
  if (!c.failure) return `${head}/>`;
  const failure = `<failure${attrs({ message: c.failure.message, type: c.failure.type ?? 'failure' })}>${escapeXmlText(c.failure.details ?? '')}</failure>`;
  return `${head}>\n      ${failure}\n    </testcase>`;
}

/** A JUnit XML report (the schema CI servers read): one `<testsuite>` per suite. */
export function renderJunit(suites: readonly JunitSuite[], name = 'lbs'): string {
  const all = suites.flatMap((s) => s.cases);
  const failures = (cases: readonly JunitCase[]) => cases.filter((c) => c.failure).length;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attrs({ name, tests: all.length, failures: failures(all), errors: 0, time: seconds(all) })}>`,
    ...suites.flatMap((s) => [
      `  <testsuite${attrs({ name: s.name, tests: s.cases.length, failures: failures(s.cases), errors: 0, skipped: 0, time: seconds(s.cases) })}>`,
      ...s.cases.map(testcase),
      '  </testsuite>',
    ]),
    '</testsuites>',
  ];
  return lines.join('\n') + '\n';
}
