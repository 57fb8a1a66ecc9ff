import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@llmbench/testing';
import { SuiteImport } from '@llmbench/contracts';
import { SuiteRepository, UserRepository } from '@llmbench/db';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

describe(UserRepository.name, () => {
  it('makes only the first user admin, even when two register at once', async () => {
    const sut = new UserRepository(t.db);
    const users = await Promise.all([
      sut.createFirstIsAdmin('a@x.io', 'h'),
      sut.createFirstIsAdmin('b@x.io', 'h'),
    ]);
    expect(users.map((u) => u.role).sort()).toEqual(['admin', 'user']);
    const third = await sut.createFirstIsAdmin('c@x.io', 'h');
    expect(third.role).toBe('user');
  });

  it('finds users by e-mail case-insensitively and rejects a duplicate in another case', async () => {
    const sut = new UserRepository(t.db);
    await sut.createFirstIsAdmin('Mixed@Case.io', 'h');
    expect((await sut.getByEmailWithSecret('mixed@case.IO'))?.email).toBe('Mixed@Case.io');
    await expect(sut.createFirstIsAdmin('MIXED@case.io', 'h')).rejects.toThrow(/unique/);
  });
});

describe(SuiteRepository.name, () => {
  it('stores a suite with its cases and scopes reads by owner', async () => {
    const users = new UserRepository(t.db);
    const owner = await users.createFirstIsAdmin('owner@x.io', 'h');
    const other = await users.createFirstIsAdmin('other@x.io', 'h');
    const sut = new SuiteRepository(t.db);
    const data = SuiteImport.parse({
      name: 'S',
      tools: [
        { type: 'function', function: { name: 'get_time', parameters: { type: 'object', properties: {} } } },
      ],
      test_cases: [
        { prompt: 'time?', expected_tool: 'get_time' },
        { prompt: 'joke', expected_tool: null },
      ],
    });
    const suite = await sut.createWithCases(owner.id, data);
    expect(await sut.get(other.id, suite.id)).toBeUndefined();
    const cases = await sut.listCases(owner.id, suite.id);
    expect(cases.map((c) => [c.position, c.expected_tool])).toEqual([
      [0, 'get_time'],
      [1, null],
    ]);
    const appended = await sut.appendCases(owner.id, suite.id, [data.test_cases[0]!]);
    expect(appended[0]?.position).toBe(2);
    const [listed] = await sut.listByUser(owner.id, 10, 0);
    expect(listed).toMatchObject({ tool_count: 1, case_count: 3, total: 1 });
  });
});
