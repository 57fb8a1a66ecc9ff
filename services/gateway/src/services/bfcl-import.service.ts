import { bfclToSuite, BfclFormatError, LosslessJsonError } from '@llmbench/bfcl';
import { AppError, SuiteImport, type BfclImportRequest, type SuiteSummary } from '@llmbench/contracts';
import { zodDetails } from '../http/validate.js';
import type { SuiteService } from './suite.service.js';

/** Turns a BFCL question file (+ its possible-answer file) into a suite, keeping every accepted value. */
export class BfclImportService {
  constructor(private readonly suites: SuiteService) {}

  async import(userId: string, input: BfclImportRequest): Promise<SuiteSummary> {
    let converted;
    try {
      converted = bfclToSuite({
        questionsText: input.questions,
        answersText: input.answers ?? null,
        fileName: input.file_name,
      });
    } catch (err) {
      if (!(err instanceof BfclFormatError || err instanceof LosslessJsonError)) throw err;
      const field = /answer|ground.truth/i.test(err.message) ? 'body.answers' : 'body.questions';
      throw new AppError('validation_failed', `${field}: ${err.message}`, [
        { path: field, message: err.message },
      ]);
    }
    const parsed = SuiteImport.safeParse(input.name ? { ...converted, name: input.name } : converted);
    if (!parsed.success) {
      const details = zodDetails('converted', parsed.error);
      throw new AppError(
        'validation_failed',
        `the BFCL file converts to an invalid suite: ${details[0]?.path}: ${details[0]?.message}`,
        details,
      );
    }
    return this.suites.import(userId, parsed.data);
  }
}
