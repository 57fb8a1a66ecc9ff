import type { Tool } from '@llmbench/contracts';
import { useId } from 'react';
import { Link } from '../../app/router';
import { describeToolPath, parseJson, toolListIssues, toolRows, type Issue } from './logic';

/** A form's submit button (its label says when it is busy) and a way back to the suites. */
export function SubmitOrCancel({
  busy,
  disabled,
  label,
  busyLabel,
}: {
  busy: boolean;
  disabled: boolean;
  label: string;
  busyLabel: string;
}) {
  return (
    <div className="row">
      <button type="submit" className="btn btn-primary" disabled={busy || disabled}>
        {busy ? busyLabel : label}
      </button>
      <Link to="/suites" className="btn btn-ghost">
        Cancel
      </Link>
    </div>
  );
}

/** The tools text checked as typed: the parsed list when valid, else the problems by tool. */
export function checkToolsText(text: string): { tools?: Tool[]; issues: Issue[]; jsonError?: string } {
  const parsed = parseJson(text);
  if (parsed.error) return { issues: [], jsonError: parsed.error };
  const issues = toolListIssues(parsed.value);
  return issues.length ? { issues } : { tools: parsed.value as Tool[], issues };
}

/** Tools as JSON with live validation against the OpenAI function-tool shape, plus a readable preview. */
export function ToolsEditor({
  text,
  onChange,
  apiIssues = [],
  label = 'Tools (OpenAI function-tool JSON)',
}: {
  text: string;
  onChange: (text: string) => void;
  apiIssues?: Issue[];
  label?: string;
}) {
  const id = useId();
  const check = checkToolsText(text);
  const problems: Issue[] = check.jsonError ? [{ path: '', message: check.jsonError }] : check.issues;
  const shown = problems.length ? problems : apiIssues;
  return (
    <div className="tools-editor">
      <div className={`field${shown.length ? ' field-invalid' : ''}`}>
        <label htmlFor={id}>{label}</label>
        <textarea
          id={id}
          className="mono"
          rows={16}
          spellCheck={false}
          value={text}
          aria-invalid={shown.length > 0}
          aria-describedby={`${id}-msg`}
          data-testid="tools-json"
          onChange={(e) => onChange(e.target.value)}
        />
        <div id={`${id}-msg`} data-testid="tools-status">
          {shown.length === 0 ? (
            <small className="muted">
              {check.tools
                ? `Valid: ${check.tools.length} tool${check.tools.length === 1 ? '' : 's'}. Each is {"type": "function", "function": {"name", "description", "parameters": {"type": "object", …}}}.`
                : ''}
            </small>
          ) : (
            <div className="error-text small" role="alert">
              {problems.length ? 'Fix these before saving:' : 'The server refused the tools:'}
              <ul className="issue-list">
                {shown.slice(0, 12).map((p) => (
                  <li key={`${p.path}:${p.message}`}>
                    {p.path && p.path !== 'body.tools' ? (
                      <>
                        <code>{describeToolPath(p.path.replace(/^body\.tools\.?/, ''))}</code>:{' '}
                      </>
                    ) : null}
                    {p.message}
                  </li>
                ))}
                {shown.length > 12 && <li>… and {shown.length - 12} more</li>}
              </ul>
            </div>
          )}
        </div>
      </div>
      {check.tools && (
        <p className="row">
          <button
            type="button"
            className="btn btn-small"
            onClick={() =>
              onChange(JSON.stringify([...(check.tools ?? []), newToolSkeleton(check.tools ?? [])], null, 2))
            }
          >
            Append a tool skeleton
          </button>
          <span className="muted small">then rename it and describe its parameters.</span>
        </p>
      )}
      {check.tools && check.tools.length > 0 && <ToolsPreview tools={check.tools} />}
    </div>
  );
}

/** The tools as a table: name, description, parameters (required ones marked). */
export function ToolsPreview({ tools }: { tools: Tool[] }) {
  const rows = toolRows(tools);
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label="Tools preview">
      <table className="table" data-testid="tools-table">
        <caption>
          {rows.length} tool{rows.length === 1 ? '' : 's'}
        </caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Description</th>
            <th scope="col">Parameters</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.name}>
              <td className="mono">{r.name}</td>
              <td className="small">{r.description || <span className="muted">—</span>}</td>
              <td className="small">
                {r.params.length === 0 ? (
                  <span className="muted">none</span>
                ) : (
                  <span className="param-list">
                    {r.params.map((p) => (
                      <code key={p} className={r.required.includes(p) ? 'param-req' : 'param-opt'}>
                        {p}
                        {r.required.includes(p) ? '*' : ''}
                      </code>
                    ))}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small table-note">* required parameter</p>
    </div>
  );
}

/** A new tool with a name not yet used (`new_tool`, `new_tool_2`, …). */
export function newToolSkeleton(existing: Tool[]): Tool {
  const names = new Set(existing.map((t) => t.function.name.toLowerCase()));
  let name = 'new_tool';
  for (let i = 2; names.has(name); i++) name = `new_tool_${i}`;
  return {
    type: 'function',
    function: {
      name,
      description: 'What the tool does, for the model.',
      parameters: {
        type: 'object',
        properties: { value: { type: 'string', description: 'Describe the parameter' } },
        required: ['value'],
      },
    },
  };
}

export const TOOL_TEMPLATE = `[
  {
    "type": "function",
    "function": {
      "name": "get_weather",
      "description": "Get the current weather for a city.",
      "parameters": {
        "type": "object",
        "properties": {
          "city": { "type": "string", "description": "City name, e.g. Paris" }
        },
        "required": ["city"]
      }
    }
  }
]`;
