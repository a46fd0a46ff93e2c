/**
 * What a finished parse means for the user. The judgement lives in the library (the build step
 * needs it too); commands import it from here.
 *
 * @module
 */

export { type Findings, judgeParse } from '../build/judge-parse.js';
