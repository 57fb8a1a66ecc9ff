import type { SuiteView } from '@llmbench/contracts';
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api/client';
import { Link, navigate } from '../../app/router';
import { ErrorBanner, Field, PageHeader } from '../../components/ui';
import { checkToolsText, TOOL_TEMPLATE, ToolsEditor } from './parts';
import './suites.css';

/** `/suites/new`: a suite from scratch (name, prompt, tools); cases are added on its page. */
export function SuiteNew() {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [systemPrompt, setSystemPrompt] = useState('');
  const [toolsText, setToolsText] = useState(TOOL_TEMPLATE);
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [tried, setTried] = useState(false);
  const check = checkToolsText(toolsText);
  const nameError = tried && name.trim() === '' ? 'Give the suite a name.' : error?.fieldError('name');

  async function submit(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    if (name.trim() === '' || !check.tools) return;
    setBusy(true);
    setError(undefined);
    try {
      const suite = await api.post<SuiteView>('/api/tool-suites', {
        name: name.trim(),
        description,
        system_prompt: systemPrompt,
        tools: check.tools,
      });
      navigate(`/suites/${suite.id}?tab=cases&created=1`);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'client_error', String(err)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="suites">
      <p className="crumbs small">
        <Link to="/suites">Suites</Link> › New
      </p>
      <PageHeader
        title="New suite"
        subtitle={
          <>
            Define the tools here, then add test cases on the suite’s page. Have a file already?{' '}
            <Link to="/suites/import">Import it instead</Link>.
          </>
        }
      />
      <ErrorBanner error={error} title="Could not create the suite" />
      <form className="card" onSubmit={submit} noValidate>
        <div className="grid two">
          <div>
            <Field label="Name" id="new-name" error={nameError}>
              <input
                id="new-name"
                type="text"
                value={name}
                maxLength={256}
                required
                aria-invalid={!!nameError}
                onChange={(e) => setName(e.target.value)}
              />
            </Field>
            <Field label="Description" id="new-description" hint="What the suite tests, for your team.">
              <textarea
                id="new-description"
                rows={3}
                value={description}
                maxLength={5000}
                onChange={(e) => setDescription(e.target.value)}
              />
            </Field>
          </div>
          <Field
            label="System prompt"
            id="new-system-prompt"
            hint="Sent before every test case (the prompt tuner can vary it later)."
            error={error?.fieldError('system_prompt')}
          >
            <textarea
              id="new-system-prompt"
              rows={7}
              value={systemPrompt}
              onChange={(e) => setSystemPrompt(e.target.value)}
            />
          </Field>
        </div>
        <ToolsEditor
          text={toolsText}
          onChange={setToolsText}
          apiIssues={error?.details.filter((d) => d.path.startsWith('body.tools')) ?? []}
        />
        <div className="row">
          <button type="submit" className="btn btn-primary" disabled={busy || !check.tools}>
            {busy ? 'Creating…' : 'Create suite'}
          </button>
          <Link to="/suites" className="btn btn-ghost">
            Cancel
          </Link>
        </div>
      </form>
    </div>
  );
}
