/**
 * The language of the request (or command) being served, for every message the server phrases
 * while serving it: refusals, flags, import problems. The contract's `t()` reads it from here.
 *
 * A request speaks, in order: its Accept-Language header (a script or the add-on saying what
 * it wants), else the signed-in user's stored choice, else their tenant's language, else English.
 * Programs keep reading the codes (MISSING_CREATOR), which never change with the language.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestHandler, Response } from 'express';
import { type Language, languageFromAcceptLanguage, languageFromLocale, pickLanguage } from '../../contract/i18n/languages.js';
import { useCurrentLanguage } from '../../contract/i18n/translate.js';

const languages = new AsyncLocalStorage<Language>();
let fallbackLanguage: Language = 'en';

useCurrentLanguage(() => languages.getStore() ?? fallbackLanguage);

/** Runs `work` speaking `language`: everything it phrases, however deep, is in that language. */
export function runInLanguage<T>(language: Language, work: () => T): T {
  return languages.run(language, work);
}

/**
 * For a command line: the language of the whole process, from --lang, else LANG/LC_ALL
 * ("vi_VN.UTF-8"), else the default given (the tenant's).
 */
export function setProcessLanguage(language: Language): void {
  fallbackLanguage = language;
}

export function languageOfEnvironment(environment: NodeJS.ProcessEnv = process.env): Language | null {
  return languageFromLocale(environment.LC_ALL || environment.LC_MESSAGES || environment.LANG);
}

/** The language asked for in the request's Accept-Language, kept for after the sign-in. */
function askedLanguage(response: Response): Language | null {
  return (response.locals.askedLanguage as Language | null | undefined) ?? null;
}

/** First middleware: even "sign in first" is answered in the language asked for. */
export const enterAskedLanguage: RequestHandler = (request, response, next) => {
  // The same URL answers in several languages: caches in between must keep them apart.
  response.vary('Accept-Language');
  const asked = languageFromAcceptLanguage(request.get('accept-language'));
  response.locals.askedLanguage = asked;
  response.locals.language = asked ?? 'en';
  languages.run(response.locals.language as Language, next);
};

/**
 * After the sign-in (and again after each body parser, which resumes outside the request's
 * context): the header's language, else the user's and tenant's (`preferred`, read at sign-in).
 */
export function continueInRequestLanguage(response: Response, preferred: Language | null | undefined, next: () => void): void {
  const language = pickLanguage(askedLanguage(response), preferred);
  response.locals.language = language;
  languages.run(language, next);
}

export function getRequestLanguage(response: Response): Language {
  return (response.locals.language as Language | undefined) ?? 'en';
}
