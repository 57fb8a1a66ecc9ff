import { describe, expect, it } from 'vitest';
import {
  type ChainCall,
  type MultiTurnInput,
  scoreArgumentSource,
  scoreMultiTurn,
} from './multi-turn-score.js';

function hop(tool: string, args: Record<string, unknown> | null = {}, round = 1): ChainCall {
  return { tool, arguments: args, round };
}

const base: MultiTurnInput = {
  chain: [],
  expectedTool: 'set_thermostat',
  expectedParams: { temperature: 21 },
  optimalHops: 2,
  validPrerequisites: ['get_weather'],
};

const final = hop('set_thermostat', { temperature: 21 }, 2);

describe(scoreMultiTurn.name, () => {
  it.each<[string, Partial<MultiTurnInput>, Record<string, unknown>, number]>([
    ['empty chain → 0', {}, { completion: 0, efficiency: 0, hops: 0, final_reached: false }, 0],
    [
      'perfect single hop → 1',
      { optimalHops: 1, chain: [hop('set_thermostat', { temperature: 21 })] },
      { completion: 1, efficiency: 1 },
      1,
    ],
    [
      'valid 2-hop with prerequisite → 1',
      { chain: [hop('get_weather'), final] },
      { completion: 1, efficiency: 1, detour_penalty: 0 },
      1,
    ],
    [
      'fewer hops than optimal is still efficiency 1',
      { optimalHops: 3, chain: [final] },
      { efficiency: 1 },
      1,
    ],
    [
      'efficiency 1/3',
      {
        optimalHops: 1,
        chain: [hop('get_weather', {}, 1), hop('get_weather', { city: 'x' }, 2), { ...final, round: 3 }],
      },
      { efficiency: 0.3333, redundancy_penalty: 0 },
      0.3333,
    ],
    [
      'redundancy −0.1 per consecutive identical call',
      {
        optimalHops: 3,
        chain: [
          hop('get_weather', { city: 'Oslo' }),
          hop('get_weather', { city: 'oslo' }, 2),
          { ...final, round: 3 },
        ],
      },
      { redundancy_penalty: 0.1, efficiency: 1 },
      0.9,
    ],
    [
      'same tool, different arguments is not redundant',
      {
        optimalHops: 3,
        chain: [
          hop('get_weather', { city: 'Oslo' }),
          hop('get_weather', { city: 'Rome' }, 2),
          { ...final, round: 3 },
        ],
      },
      { redundancy_penalty: 0 },
      1,
    ],
    [
      'detour −0.1 per call outside the prerequisites',
      { optimalHops: 3, chain: [hop('get_time'), hop('get_weather', {}, 2), { ...final, round: 3 }] },
      { detour_penalty: 0.1 },
      0.9,
    ],
    [
      'wrong final tool → completion 0',
      { chain: [hop('get_weather'), hop('get_time', {}, 2)] },
      { completion: 0, final_reached: false, detour_penalty: 0.1 },
      0,
    ],
    [
      'right final tool, half the params → completion 0.6 + 0.2',
      { optimalHops: 1, expectedParams: { temperature: 21, mode: 'heat' }, chain: [final] },
      { completion: 0.8 },
      0.8,
    ],
    [
      'params not scored → completion = tool',
      { expectedParams: null, chain: [hop('get_weather'), hop('set_thermostat', { temperature: 99 }, 2)] },
      { completion: 1 },
      1,
    ],
    [
      'list of expected tools',
      {
        expectedTool: ['set_thermostat', 'set_heating'],
        chain: [hop('get_weather'), hop('SET_HEATING', { temperature: 21 }, 2)],
      },
      { completion: 1, final_reached: true },
      1,
    ],
    [
      'penalties clamp at 0',
      { optimalHops: 1, chain: [hop('a'), hop('a', {}, 2), hop('a', {}, 3), final] },
      { redundancy_penalty: 0.2, detour_penalty: 0.3 },
      0,
    ],
    [
      'expected none and none called → 1',
      { expectedTool: null, expectedParams: null },
      { completion: 1, efficiency: 1 },
      1,
    ],
    [
      'expected none but called → 0',
      { expectedTool: null, expectedParams: null, chain: [hop('get_weather')] },
      { completion: 0 },
      0,
    ],
  ])('%s', (_label, patch, detail, overall) => {
    const result = scoreMultiTurn({ ...base, ...patch });
    expect(result.overall).toBe(overall);
    expect(result.detail).toMatchObject(detail);
  });

  it('reports the final call param score, 0 when it never came, null when not scored', () => {
    expect(scoreMultiTurn({ ...base, chain: [final] }).paramScore).toBe(1);
    expect(scoreMultiTurn({ ...base, chain: [hop('get_weather')] }).paramScore).toBe(0);
    expect(scoreMultiTurn({ ...base, expectedParams: null, chain: [final] }).paramScore).toBeNull();
  });

  it('keeps the chain and counts hops', () => {
    const chain = [hop('get_weather'), final];
    expect(scoreMultiTurn({ ...base, chain }).detail).toMatchObject({ hops: 2, chain });
  });
});

describe(scoreArgumentSource.name, () => {
  const mocks = { get_location: { city: 'Oslo', geo: { lat: 59.9 } }, get_raw: '{"id": 7}' };
  const earlier = [hop('get_location'), hop('get_raw')];

  it.each<[string, Record<string, string> | null, Record<string, unknown>, number | null]>([
    ['not configured → null', null, { city: 'Oslo' }, null],
    ['matching field → 1', { city: 'get_location.city' }, { city: 'oslo' }, 1],
    ['differing field → 0', { city: 'get_location.city' }, { city: 'Bergen' }, 0],
    ['dotted path', { lat: 'get_location.geo.lat' }, { lat: 59.9 }, 1],
    ['mock given as JSON text', { id: 'get_raw.id' }, { id: 7 }, 1],
    ['tool never called before → skipped', { x: 'other_tool.x' }, {}, 1],
    ['field absent in the mock → skipped', { x: 'get_location.zip' }, {}, 1],
  ])('%s', (_label, source, args, expected) => {
    expect(scoreArgumentSource(source, mocks, earlier, hop('final', args, 3))).toBe(expected);
  });

  it('is null when the final call never came', () => {
    expect(scoreArgumentSource({ city: 'get_location.city' }, mocks, earlier, undefined)).toBeNull();
  });
});
