import { describe, expect, it } from 'vitest';
import { escapeXmlAttr, escapeXmlText, renderJunit } from './junit.js';

describe('XML escaping', () => {
  it('escapes markup in text and, in attributes, quotes and whitespace too', () => {
    expect(escapeXmlText(`a < b && c > "d" ]]>`)).toBe('a &lt; b &amp;&amp; c &gt; "d" ]]&gt;');
    expect(escapeXmlAttr(`say "hi" it's\n\ta\r`)).toBe('say &quot;hi&quot; it&apos;s&#10;&#9;a&#13;');
  });

  it('replaces characters XML cannot carry at all', () => {
    expect(escapeXmlText('bell\u0007 nul\u0000 ok\u00e9')).toBe('bell\uFFFD nul\uFFFD ok\u00e9');
  });
});

describe('renderJunit', () => {
  it('writes one testsuite per suite with totals, and failures with message and details', () => {
    const xml = renderJunit(
      [
        {
          name: 'sandbox::m',
          cases: [
            { name: 'Turn on <the> lights', classname: 'sandbox::m', timeS: 0.0125 },
            {
              name: `Play 'Jazz'`,
              classname: 'sandbox::m',
              timeS: 0.5,
              failure: {
                message: 'expected a, got b',
                type: 'wrong_tool',
                details: 'expected: a {"x":"<&>"}',
              },
            },
          ],
        },
        { name: 'other::n', cases: [] },
      ],
      'lbs eval',
    );
    expect(xml).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="lbs eval" tests="2" failures="1" errors="0" time="0.513">',
        '  <testsuite name="sandbox::m" tests="2" failures="1" errors="0" skipped="0" time="0.513">',
        '    <testcase name="Turn on &lt;the&gt; lights" classname="sandbox::m" time="0.013"/>',
        '    <testcase name="Play &apos;Jazz&apos;" classname="sandbox::m" time="0.500">',
        '      <failure message="expected a, got b" type="wrong_tool">expected: a {"x":"&lt;&amp;&gt;"}</failure>',
        '    </testcase>',
        '  </testsuite>',
        '  <testsuite name="other::n" tests="0" failures="0" errors="0" skipped="0" time="0">',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
  });
});
