import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { imageTypeOfBytes, insuranceImageProblem } from '../../src/domain/insurance-image.js';
import { INSURANCE_IMAGE_MAX_BYTES } from '../../src/schemas/index.js';

// The first bytes of real files of each kind (written out by hand from the formats' specifications).
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
const WEBP = new TextEncoder().encode('RIFF\x24\x00\x00\x00WEBP');
const TEXT = new TextEncoder().encode('Hello, this is not a picture');
const GIF = new TextEncoder().encode('GIF89a\x01\x00\x01\x00\x00\x00');
const HEAD = { 'image/jpeg': JPEG, 'image/png': PNG, 'image/webp': WEBP } as const;

describe('imageTypeOfBytes', () => {
  test('recognises JPEG, PNG and WebP by their signatures', () => {
    assert.equal(imageTypeOfBytes(JPEG), 'image/jpeg');
    assert.equal(imageTypeOfBytes(PNG), 'image/png');
    assert.equal(imageTypeOfBytes(WEBP), 'image/webp');
  });

  test('anything else, a truncated signature and no bytes at all are no accepted image', () => {
    for (const bytes of [TEXT, GIF, PNG.slice(0, 7), new TextEncoder().encode('RIFF\x24\x00\x00\x00WAVE'), new Uint8Array()]) assert.equal(imageTypeOfBytes(bytes), null);
  });
});

describe('insuranceImageProblem', () => {
  test('accepts JPEG, PNG and WebP up to the limit when the bytes are what the type says, whatever its case', () => {
    for (const [type, head] of Object.entries(HEAD)) assert.equal(insuranceImageProblem({ type, size: 100, head }), null, type);
    assert.equal(insuranceImageProblem({ type: 'IMAGE/PNG', size: 100, head: PNG }), null);
    assert.equal(insuranceImageProblem({ type: 'image/jpeg', size: INSURANCE_IMAGE_MAX_BYTES, head: JPEG }), null);
  });

  test('refuses other declared types, even small ones with image bytes', () => {
    for (const type of ['image/gif', 'image/heic', 'application/pdf', 'image/svg+xml', '']) {
      assert.equal(insuranceImageProblem({ type, size: 10, head: PNG }), 'unsupported_image', type);
    }
  });

  test('a text file renamed .png (declared image/png) is not an image', () => {
    assert.equal(insuranceImageProblem({ type: 'image/png', size: TEXT.length, head: TEXT }), 'unsupported_image');
    assert.equal(insuranceImageProblem({ type: 'image/jpeg', size: GIF.length, head: GIF }), 'unsupported_image');
  });

  test('an accepted image declared as another accepted type is a mismatch, in every direction', () => {
    for (const [declared] of Object.entries(HEAD)) {
      for (const [actual, head] of Object.entries(HEAD)) {
        if (actual !== declared) assert.equal(insuranceImageProblem({ type: declared, size: 100, head }), 'image_type_mismatch', `${actual} bytes as ${declared}`);
      }
    }
  });

  test('refuses a file one byte over the limit, and an empty file', () => {
    assert.equal(insuranceImageProblem({ type: 'image/png', size: INSURANCE_IMAGE_MAX_BYTES + 1, head: PNG }), 'image_too_large');
    assert.equal(insuranceImageProblem({ type: 'image/png', size: 0, head: new Uint8Array() }), 'empty_image');
  });

  test('the declared type is checked first: a huge PDF is unsupported, not too large', () => {
    assert.equal(insuranceImageProblem({ type: 'application/pdf', size: INSURANCE_IMAGE_MAX_BYTES * 3, head: TEXT }), 'unsupported_image');
  });
});
