import { Router } from 'express';
import { findModel } from '../models/catalogue.js';
import { describeModel, describeSandbox } from '../models/model-docs.js';
import type { SandboxModel } from '../models/sandbox-model.js';
import { SandboxHttpError } from './openai-error.js';

/** A fixed creation time: model ids never change, and a stable value keeps responses diffable. */
const CREATED = 1_735_689_600;

const listEntry = (m: SandboxModel) => ({ id: m.id, object: 'model', created: CREATED, owned_by: 'sandbox' });

/** GET /v1/models (OpenAI list shape) and GET /v1/models/:id. */
export function createOpenAiModelsRouter(models: readonly SandboxModel[]): Router {
  const router = Router();
  router.get('/v1/models', (_req, res) => {
    res.json({ object: 'list', data: models.map(listEntry) });
  });
  router.get('/v1/models/:id', (req, res) => {
    const model = findModel(models, req.params.id);
    if (!model) {
      throw new SandboxHttpError(
        404,
        `The model '${req.params.id}' does not exist.`,
        'invalid_request_error',
        'model_not_found',
        'model',
      );
    }
    res.json(listEntry(model));
  });
  return router;
}

/** GET /sandbox/models: how every model behaves, for people and for tuner tests. */
export function createSandboxDocsRouter(models: readonly SandboxModel[]): Router {
  const router = Router();
  router.get('/sandbox/models', (_req, res) => {
    res.json(describeSandbox(models));
  });
  router.get('/sandbox/models/:id', (req, res) => {
    const model = findModel(models, req.params.id);
    if (!model)
      throw new SandboxHttpError(
        404,
        `Unknown model '${req.params.id}'.`,
        'invalid_request_error',
        'model_not_found',
        'model',
      );
    res.json(describeModel(model));
  });
  return router;
}
