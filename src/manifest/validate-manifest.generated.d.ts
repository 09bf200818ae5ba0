// Types of the validator scripts/gen-validators.mjs generates from schema/default.schema.json.
import type { ValidateFunction } from 'ajv';

export declare const validate: ValidateFunction;
export default validate;
