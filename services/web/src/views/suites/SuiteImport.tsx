import type { SuiteSummary } from '@llmbench/contracts';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { api, type ApiError } from '../../api/client';
import { Link, navigate, type Route } from '../../app/router';
import { InputField, PageHeader, Tabs } from '../../components/ui';
import {
  bfclCategory,
  countJsonLines,
  describeImportPath,
  isBfclFileName,
  previewSuiteDocument,
} from './logic';
import { SubmitOrCancel } from './parts';
import './suites.css';
import { toApiError, useSubmit } from './use-submit';

/** The API's refusal with each detail named in the user's terms (case 4 › expected_tool, line 12 …). */
function ImportError({ error, title }: { error: ApiError | undefined; title: string }) {
  if (!error) return null;
  return (
    <div className="banner banner-error" role="alert" data-testid="import-error">
      <strong>{title}:</strong> {error.message}
      {error.details.length > 0 && (
        <ul>
          {error.details.slice(0, 20).map((d) => (
            <li key={`${d.path}:${d.message}`}>
              <code>{describeImportPath(d.path)}</code> — {d.message}
            </li>
          ))}
          {error.details.length > 20 && <li>… and {error.details.length - 20} more</li>}
        </ul>
      )}
    </div>
  );
}

/** Imports, then opens the new suite's cases with the count imported. */
async function importAndOpen(path: string, body: unknown): Promise<void> {
  const suite = await api.post<SuiteSummary>(path, body);
  navigate(`/suites/${suite.id}?tab=cases&imported=${suite.case_count}`);
}

async function readFile(file: File): Promise<string> {
  return file.text();
}

function JsonImport() {
  const fileId = useId();
  const textId = useId();
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string>();
  const { error, setError, busy, run } = useSubmit();
  const preview = previewSuiteDocument(text);

  async function loadFile(file: File) {
    setError(undefined);
    setText(await readFile(file));
    setFileName(file.name);
  }

  async function loadExample() {
    setError(undefined);
    try {
      const example = await api.get<unknown>('/api/tool-eval/import/example');
      setText(JSON.stringify(example, null, 2));
      setFileName(undefined);
    } catch (err) {
      setError(toApiError(err));
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (preview.error || !preview.name) return;
    await run(() => importAndOpen('/api/tool-eval/import', JSON.parse(text)));
  }

  return (
    <form className="card stack" onSubmit={submit} noValidate aria-label="Import a suite document">
      <p className="muted">
        A suite document is <code>{'{name, description, system_prompt, tools, test_cases}'}</code> — the same
        JSON a suite’s <em>Export</em> gives you. Paste it, choose a file, or start from the example.
      </p>
      <div className="row">
        <div className="field">
          <label htmlFor={fileId}>Choose a JSON file</label>
          <input
            id={fileId}
            type="file"
            accept=".json,application/json"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (file) await loadFile(file);
            }}
          />
        </div>
        <button type="button" className="btn" onClick={() => void loadExample()}>
          Load the example
        </button>
      </div>
      <div className={`field${preview.error ? ' field-invalid' : ''}`}>
        <label htmlFor={textId}>Suite JSON{fileName ? ` (from ${fileName})` : ''}</label>
        <textarea
          id={textId}
          className="mono"
          rows={16}
          spellCheck={false}
          value={text}
          placeholder='{"name": "My suite", "tools": [...], "test_cases": [...]}'
          aria-invalid={!!preview.error}
          aria-describedby={`${textId}-msg`}
          onChange={(e) => setText(e.target.value)}
          onDragOver={(e) => e.preventDefault()}
          onDrop={async (e) => {
            const file = e.dataTransfer.files[0];
            if (!file) return;
            e.preventDefault();
            await loadFile(file);
          }}
        />
        <small
          id={`${textId}-msg`}
          className={preview.error ? 'error-text' : 'muted'}
          role={preview.error ? 'alert' : undefined}
          data-testid="import-preview"
        >
          {preview.error ??
            (preview.name
              ? `“${preview.name}”: ${preview.tools} tools, ${preview.cases} test cases${preview.multiTurn ? ` (${preview.multiTurn} multi-turn)` : ''}.`
              : 'Paste a document, drop a file here, or choose one above.')}
        </small>
      </div>
      <ImportError error={error} title="The suite was not imported" />
      <SubmitOrCancel
        busy={busy}
        disabled={!preview.name || !!preview.error}
        label="Import suite"
        busyLabel="Importing…"
      />
    </form>
  );
}

type Loaded = { name: string; text: string };

/** A BFCL file input, read as text, with what it holds (or needs) announced under it. */
function JsonLinesFileField({
  label,
  testId,
  onLoad,
  children,
}: {
  label: string;
  testId: string;
  onLoad: (loaded: Loaded) => void;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="file"
        accept=".json,.jsonl,application/json"
        aria-describedby={`${id}-msg`}
        onChange={async (e) => {
          const file = e.target.files?.[0];
          if (file) onLoad({ name: file.name, text: await readFile(file) });
        }}
      />
      <small id={`${id}-msg`} className="muted" data-testid={testId}>
        {children}
      </small>
    </div>
  );
}

function BfclImport() {
  const [questions, setQuestions] = useState<Loaded>();
  const [answers, setAnswers] = useState<Loaded>();
  const [fileName, setFileName] = useState('');
  const [name, setName] = useState('');
  const { error, setError, busy, run } = useSubmit();
  const fileNameError =
    fileName && !isBfclFileName(fileName)
      ? 'Use the BFCL question file’s name, e.g. BFCL_v4_simple_python.json (it names the category).'
      : error?.fieldError('file_name');
  const category = bfclCategory(fileName);
  const questionCount = questions ? countJsonLines(questions.text) : 0;
  const answerCount = answers ? countJsonLines(answers.text) : 0;
  const needsAnswers = category !== null && !category.includes('irrelevance');
  // A new file makes the last refusal stale.
  const afterNewFile = (keep: (loaded: Loaded) => void) => (loaded: Loaded) => {
    setError(undefined);
    keep(loaded);
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!questions || !isBfclFileName(fileName)) return;
    await run(() =>
      importAndOpen('/api/tool-eval/import/bfcl', {
        file_name: fileName,
        questions: questions.text,
        ...(answers ? { answers: answers.text } : {}),
        ...(name.trim() ? { name: name.trim() } : {}),
      }),
    );
  }

  return (
    <form className="card stack" onSubmit={submit} noValidate aria-label="Import BFCL data">
      <p className="muted">
        Berkeley Function Calling Leaderboard data: the question file (JSON Lines, e.g.{' '}
        <code>BFCL_v4_simple_python.json</code>) and its <code>possible_answer</code> file with the same name.
        Every accepted value is kept, and cases are scored with BFCL’s own checker.
      </p>
      <div className="grid two">
        <JsonLinesFileField
          label="Questions file (JSON Lines)"
          testId="bfcl-questions-info"
          onLoad={afterNewFile((loaded) => {
            setQuestions(loaded);
            setFileName(loaded.name);
          })}
        >
          {questions ? `${questions.name}: ${questionCount} questions` : 'Required.'}
        </JsonLinesFileField>
        <JsonLinesFileField
          label="Possible answers file"
          testId="bfcl-answers-info"
          onLoad={afterNewFile(setAnswers)}
        >
          {answers
            ? `${answers.name}: ${answerCount} answers${questions && answerCount !== questionCount ? ` — ${questionCount} questions; each question needs its answer` : ''}`
            : needsAnswers
              ? `The ${category} category is scored against its possible answers: add the file.`
              : 'The possible_answer file of the same name; not needed for irrelevance categories.'}
        </JsonLinesFileField>
      </div>
      <div className="grid two">
        <InputField
          label="BFCL file name"
          error={fileNameError}
          hint={
            category ? `Category: ${category}` : 'Filled in from the questions file; it names the category.'
          }
          value={fileName}
          onChange={setFileName}
        />
        <InputField
          label="Suite name (optional)"
          hint="Defaults to one derived from the file."
          value={name}
          maxLength={256}
          onChange={setName}
        />
      </div>
      <ImportError error={error} title="The BFCL files were not imported" />
      <SubmitOrCancel
        busy={busy}
        disabled={!questions || !isBfclFileName(fileName)}
        label="Import BFCL questions"
        busyLabel="Importing…"
      />
    </form>
  );
}

/** `/suites/import?kind=json|bfcl`: a suite document or BFCL files; then the new suite opens. */
export function SuiteImport({ route }: { route: Route }) {
  const kind = route.query.get('kind') === 'bfcl' ? 'bfcl' : 'json';
  return (
    <div className="suites">
      <p className="crumbs small">
        <Link to="/suites">Suites</Link> › Import
      </p>
      <PageHeader title="Import a suite" />
      <Tabs
        current={kind}
        tabs={[
          { id: 'json', label: 'Suite JSON', href: '#/suites/import?kind=json' },
          { id: 'bfcl', label: 'BFCL files', href: '#/suites/import?kind=bfcl' },
        ]}
      />
      {kind === 'json' ? <JsonImport /> : <BfclImport />}
    </div>
  );
}
