import { INSURANCE_IMAGE_MAX_BYTES, INSURANCE_IMAGE_TYPES, type ProblemCode } from '../schemas/index.js';

export type InsuranceImageType = (typeof INSURANCE_IMAGE_TYPES)[number];
export type InsuranceImageProblem = Extract<ProblemCode, 'unsupported_image' | 'image_too_large' | 'image_type_mismatch'> | 'empty_image';

/** How many leading bytes {@link imageTypeOfBytes} needs: read this much of a file, no more. */
export const IMAGE_SIGNATURE_BYTES = 12;

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/**
 * Which accepted image type the bytes really are, from their signature ("magic number"), or null
 * when they are none of them. A file's name and declared type are only labels; these bytes are what
 * an image viewer will try to decode.
 */
export function imageTypeOfBytes(head: Uint8Array): InsuranceImageType | null {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, PNG)) return 'image/png';
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return 'image/webp';
  return null;
}

/**
 * Why an insurance card image cannot be uploaded, or null. The widget checks before uploading (so a
 * person learns at once, no bytes leave the device, and no broken preview shows) and the server
 * checks the same way on arrival. `head` is the file's first {@link IMAGE_SIGNATURE_BYTES} bytes (or
 * all of them): a text file renamed `.png` is `unsupported_image`, JPEG bytes declared as PNG are
 * `image_type_mismatch`. Checked in order: declared type, emptiness, size, bytes.
 */
export function insuranceImageProblem(file: { type: string; size: number; head: Uint8Array }): InsuranceImageProblem | null {
  const declared = file.type.toLowerCase();
  if (!(INSURANCE_IMAGE_TYPES as readonly string[]).includes(declared)) return 'unsupported_image';
  if (file.size === 0) return 'empty_image';
  if (file.size > INSURANCE_IMAGE_MAX_BYTES) return 'image_too_large';
  const actual = imageTypeOfBytes(file.head);
  if (actual === null) return 'unsupported_image';
  return actual === declared ? null : 'image_type_mismatch';
}
