import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newUser, startGateway, type Gateway } from './harness.js';

// shared/ sits beside the repository, in development and in CI alike.
const BFCL_DIR = resolve(import.meta.dirname, '..', '..', '..', '..', 'shared', 'data', 'bfcl');
const read = (file: string) => readFileSync(resolve(BFCL_DIR, file), 'utf8');

let gw: Gateway;
beforeAll(async () => {
  gw = await startGateway();
});
afterAll(async () => gw?.close());

const FILES = [
  { file_name: 'BFCL_v4_simple_python.json', answers: true, count: 400 },
  { file_name: 'BFCL_v4_multiple.json', answers: true, count: 200 },
  { file_name: 'BFCL_v4_irrelevance.json', answers: false, count: 240 },
];

describe('BFCL import', () => {
  it.each(FILES)(
    'imports $file_name with every accepted value kept',
    async ({ file_name, answers, count }) => {
      const u = await newUser(gw.url);
      const body = {
        file_name,
        questions: read(file_name),
        ...(answers ? { answers: read(`possible_answer/${file_name}`) } : {}),
      };
      const res = await u.api.post('/api/tool-eval/import/bfcl', body);
      expect(res.status).toBe(201);
      expect(res.body.case_count).toBe(count);
      const { body: suite } = await u.api.get(`/api/tool-suites/${res.body.id}`);
      expect(suite.test_cases).toHaveLength(count);
      const first = suite.test_cases[0];
      expect(first.param_scoring).toBe('bfcl');
      expect(first.bfcl.id).toMatch(/_0$/);
      expect(first.tools.length).toBeGreaterThan(0);
      if (answers) {
        // The raw ground truth keeps every alternative and the optional marker "".
        const answerLine = JSON.parse(read(`possible_answer/${file_name}`).split('\n')[0]!);
        expect(JSON.parse(first.bfcl.ground_truth)).toEqual(answerLine.ground_truth);
      } else {
        expect(first.expected_tool).toBeNull();
        expect(first.bfcl.ground_truth).toBeNull();
      }
    },
  );

  it('keeps 5 and 5.0 apart in the stored ground truth', async () => {
    const u = await newUser(gw.url);
    const q =
      '{"id": "simple_python_9", "question": [[{"role": "user", "content": "Area of a circle of radius 5.0"}]], "function": [{"name": "geometry.area_circle", "description": "d", "parameters": {"type": "dict", "properties": {"radius": {"type": "float", "description": "r"}, "n": {"type": "integer", "description": "n"}}, "required": ["radius"]}}]}';
    const a =
      '{"id": "simple_python_9", "ground_truth": [{"geometry.area_circle": {"radius": [5.0], "n": [5, ""]}}]}';
    const res = await u.api.post('/api/tool-eval/import/bfcl', {
      file_name: 'BFCL_v4_simple_python.json',
      questions: q,
      answers: a,
    });
    expect(res.status).toBe(201);
    const { body: suite } = await u.api.get(`/api/tool-suites/${res.body.id}`);
    const [c] = suite.test_cases;
    expect(c.bfcl.ground_truth).toContain('[5.0]');
    expect(c.expected_tool).toBe('geometry_area_circle');
    expect(c.tools[0].function.parameters.properties.radius.type).toBe('number');
    const exported = await u.api.get(`/api/tool-suites/${res.body.id}/export`);
    const again = await u.api.post('/api/tool-eval/import', exported.body);
    expect((await u.api.get(`/api/tool-suites/${again.body.id}/export`)).body).toEqual(exported.body);
  });

  it('names the file and line of a malformed question file, and another user cannot see the suite', async () => {
    const u = await newUser(gw.url);
    const bad = await u.api.post('/api/tool-eval/import/bfcl', {
      file_name: 'BFCL_v4_irrelevance.json',
      questions: '{"id": "irrelevance_0"}\nnot json',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('body.questions');
    const badName = await u.api.post('/api/tool-eval/import/bfcl', {
      file_name: 'questions.txt',
      questions: read('BFCL_v4_irrelevance.json'),
    });
    expect(badName.body.error.details[0].path).toBe('body.file_name');

    const ok = await u.api.post('/api/tool-eval/import/bfcl', {
      file_name: 'BFCL_v4_irrelevance.json',
      questions: read('BFCL_v4_irrelevance.json'),
    });
    const other = await newUser(gw.url);
    expect((await other.api.get(`/api/tool-suites/${ok.body.id}`)).status).toBe(404);
    expect((await other.api.get(`/api/tool-suites/${ok.body.id}/export`)).status).toBe(404);
  });
});
