import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { insuranceImageProblem } from '../../src/domain/insurance-image.js';
import { INSURANCE_IMAGE_MAX_BYTES } from '../../src/schemas/index.js';

describe('insuranceImageProblem', () => {
  test('accepts JPEG, PNG and WebP up to the limit, whatever the case of the type', () => {
    for (const type of ['image/jpeg', 'image/png', 'image/webp', 'IMAGE/PNG']) {
      assert.equal(insuranceImageProblem({ type, size: 1 }), null, type);
    }
    assert.equal(insuranceImageProblem({ type: 'image/jpeg', size: INSURANCE_IMAGE_MAX_BYTES }), null);
  });

  test('refuses other types, even small ones', () => {
    for (const type of ['image/gif', 'image/heic', 'application/pdf', 'image/svg+xml', '']) {
      assert.equal(insuranceImageProblem({ type, size: 10 }), 'unsupported_image', type);
    }
  });

  test('refuses a file one byte over the limit, and an empty file', () => {
    assert.equal(insuranceImageProblem({ type: 'image/png', size: INSURANCE_IMAGE_MAX_BYTES + 1 }), 'image_too_large');
    assert.equal(insuranceImageProblem({ type: 'image/png', size: 0 }), 'empty_image');
  });

  test('the type is checked first: a huge PDF is unsupported, not too large', () => {
    assert.equal(insuranceImageProblem({ type: 'application/pdf', size: INSURANCE_IMAGE_MAX_BYTES * 3 }), 'unsupported_image');
  });
});
