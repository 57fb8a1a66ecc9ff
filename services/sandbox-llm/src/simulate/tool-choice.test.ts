import { describe, expect, it } from 'vitest';
import { demoSuite, demoTool } from './demo-suite.fixture.js';
import { chooseTool, planSteps, RELEVANCE_THRESHOLD, scoreTools } from './tool-choice.js';

const tools = demoSuite.tools;
const choose = (prompt: string, extra: Partial<Parameters<typeof chooseTool>[0]> = {}) =>
  chooseTool({ prompt, tools, toolChoice: 'auto', calledTools: [], ...extra });
const called = (d: ReturnType<typeof chooseTool>) => (d.kind === 'call' ? d.tool.function.name : null);

describe('scoreTools', () => {
  it('weights distinctive words over words many tools share', () => {
    const scores = scoreTools('Set the thermostat to 21 degrees', tools);
    const by = (n: string) => scores.find((s) => s.name === n)!.score;
    expect(by('set_thermostat')).toBeGreaterThan(by('set_timer') * 2);
    expect(by('set_timer')).toBeLessThan(RELEVANCE_THRESHOLD * 2.5);
  });

  it('ignores words inside quotes (they are data, not intent)', () => {
    const scores = scoreTools("Send a notification: 'Garage door is open'", tools);
    expect(scores.find((s) => s.name === 'set_door_lock')!.score).toBe(0);
  });
});

describe('chooseTool', () => {
  it.each([
    ['What time is it?', 'get_time'],
    ['Weather in Lisbon please', 'get_weather'],
    ['Dim the office lights to 20%', 'control_lights'],
    ["Play 'Focus' on the speakers", 'play_playlist'],
    ['Unlock the back door', 'set_door_lock'],
  ])('%s → %s', (prompt, tool) => {
    expect(called(choose(prompt))).toBe(tool);
  });

  it('answers in text when nothing fits under auto (irrelevance)', () => {
    expect(choose('Tell me a joke about cats.')).toMatchObject({ kind: 'text', reason: 'irrelevant' });
  });

  it('still calls the best tool under required', () => {
    expect(called(choose('Tell me a joke about the time machine.', { toolChoice: 'required' }))).toBe(
      'get_time',
    );
    expect(choose('Tell me a joke.', { toolChoice: 'required' }).kind).toBe('call');
  });

  it('honours tool_choice none and a named function', () => {
    expect(choose('What time is it?', { toolChoice: 'none' })).toMatchObject({
      kind: 'text',
      reason: 'tool_choice_none',
    });
    const forced = choose('What time is it?', {
      toolChoice: { type: 'function', function: { name: 'get_weather' } },
    });
    expect(called(forced)).toBe('get_weather');
  });

  it('answers plain chat when there are no tools', () => {
    expect(chooseTool({ prompt: 'hi', tools: [], toolChoice: 'auto', calledTools: [] })).toMatchObject({
      kind: 'text',
      reason: 'no_tools',
    });
  });

  it('works through a sequenced request one call per turn, then answers in text', () => {
    const prompt = 'Check the weather in Oslo, then set the thermostat to 23 degrees in heat mode.';
    expect(planSteps(prompt, tools).map((s) => s.tool.function.name)).toEqual([
      'get_weather',
      'set_thermostat',
    ]);
    expect(called(choose(prompt))).toBe('get_weather');
    const second = choose(prompt, { calledTools: ['get_weather'] });
    expect(called(second)).toBe('set_thermostat');
    expect(second.kind === 'call' && second.clause).toBe('set the thermostat to 23 degrees in heat mode.');
    expect(choose(prompt, { calledTools: ['get_weather', 'set_thermostat'] })).toMatchObject({
      kind: 'text',
      reason: 'done',
    });
  });

  it('calls the same tool twice when two steps need it, and retries a step a wrong call skipped', () => {
    const prompt = 'Turn on the kitchen lights, then turn off the bedroom lights.';
    expect(called(choose(prompt, { calledTools: ['control_lights'] }))).toBe('control_lights');
    expect(choose(prompt, { calledTools: ['control_lights', 'control_lights'] }).kind).toBe('text');
    expect(called(choose('Turn on the kitchen lights.', { calledTools: ['get_time'] }))).toBe(
      'control_lights',
    );
  });

  it('answers in text once the only requested tool was called', () => {
    expect(choose('Lock the front door.', { calledTools: ['set_door_lock'] })).toMatchObject({
      reason: 'done',
    });
    expect(demoTool('set_door_lock').function.name).toBe('set_door_lock');
  });
});
