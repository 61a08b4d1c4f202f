import { INSURANCE_IMAGE_MAX_BYTES, INSURANCE_IMAGE_TYPES, type ProblemCode } from '../schemas/index.js';

export type InsuranceImageProblem = Extract<ProblemCode, 'unsupported_image' | 'image_too_large'> | 'empty_image';

/**
 * Why an insurance card image cannot be uploaded, or null. Checked before uploading so a person
 * learns at once (and no bytes leave the device) when the server would refuse the file anyway.
 */
export function insuranceImageProblem(file: { type: string; size: number }): InsuranceImageProblem | null {
  if (!(INSURANCE_IMAGE_TYPES as readonly string[]).includes(file.type.toLowerCase())) return 'unsupported_image';
  if (file.size === 0) return 'empty_image';
  if (file.size > INSURANCE_IMAGE_MAX_BYTES) return 'image_too_large';
  return null;
}
