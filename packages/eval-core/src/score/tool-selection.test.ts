import { describe, expect, it } from 'vitest';
import { expectedToolNames, isExpectedTool, scoreToolSelection } from './tool-selection.js';

describe(scoreToolSelection.name, () => {
  it.each([
    ['same name', 'get_weather', 'get_weather', 1],
    ['case-insensitive', 'get_weather', 'GET_Weather', 1],
    ['wrong tool', 'get_weather', 'get_time', 0],
    ['no call when one was expected', 'get_weather', null, 0],
    ['list: any element', ['get_weather', 'get_forecast'], 'get_forecast', 1],
    ['list: case-insensitive', ['get_weather', 'get_forecast'], 'Get_Forecast', 1],
    ['list: none matches', ['get_weather', 'get_forecast'], 'get_time', 0],
    ['null expected, nothing called (correct abstention)', null, null, 1],
    ['null expected, something called', null, 'get_weather', 0],
  ] as const)('%s', (_label, expected, actual, score) => {
    expect(scoreToolSelection(expected, actual)).toBe(score);
  });
});

describe(isExpectedTool.name, () => {
  it('is false for every name when no call is expected', () => {
    expect(isExpectedTool(null, 'anything')).toBe(false);
    expect(expectedToolNames(null)).toEqual([]);
  });

  it('lower-cases the acceptable names', () => {
    expect(expectedToolNames(['A', 'b'])).toEqual(['a', 'b']);
  });
});
