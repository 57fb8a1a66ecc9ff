import type { SuiteView } from '@llmbench/contracts';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { Link, navigate } from '../../app/router';
import { ErrorBanner, Field, InputField, PageHeader } from '../../components/ui';
import { checkToolsText, SubmitOrCancel, TOOL_TEMPLATE, ToolsEditor } from './parts';
import { useSubmit } from './use-submit';
import './suites.css';

/** `/suites/new`: a suite from scratch (name, prompt, tools); cases are added on its page. */
export function SuiteNew() {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [systemPrompt, setSystemPrompt] = useState('');
  const [toolsText, setToolsText] = useState(TOOL_TEMPLATE);
  const { error, busy, run } = useSubmit();
  const [tried, setTried] = useState(false);
  const check = checkToolsText(toolsText);
  const nameError = tried && name.trim() === '' ? 'Give the suite a name.' : error?.fieldError('name');

  async function submit(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    if (name.trim() === '' || !check.tools) return;
    const tools = check.tools;
    await run(async () => {
      const suite = await api.post<SuiteView>('/api/tool-suites', {
        name: name.trim(),
        description,
        system_prompt: systemPrompt,
        tools,
      });
      navigate(`/suites/${suite.id}?tab=cases&created=1`);
    });
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
            <InputField
              label="Name"
              error={nameError}
              value={name}
              maxLength={256}
              required
              onChange={setName}
            />
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
        <SubmitOrCancel busy={busy} disabled={!check.tools} label="Create suite" busyLabel="Creating…" />
      </form>
    </div>
  );
}
