import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DomainValidationError, issuesFromZod } from '../../../functions/domain/errors.ts';

describe('Function: issuesFromZod', () => {
  it('gives dotted paths and reports each unknown key at its own path', () => {
    // Arrange
    const schema = z.strictObject({ items: z.array(z.strictObject({ id: z.string() })) });
    const error = schema.safeParse({ items: [{ id: 1, extra: true }] }).error;

    // Act
    const issues = error ? issuesFromZod(error) : [];

    // Assert
    expect(issues.map((issue) => issue.path)).toEqual(['items.0.id', 'items.0.extra']);
  });
});

describe('Class: DomainValidationError', () => {
  it('carries its issues and names them in the message', () => {
    // Act
    const error = new DomainValidationError('Invalid notice', [
      { path: 'signature', message: 'Required' },
    ]);

    // Assert
    expect(error.message).toBe('Invalid notice: signature: Required');
  });
});
