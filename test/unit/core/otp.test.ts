import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cleanCode, codeMatches, generateCode, hashCode } from '../../../src-main/core/otp.js';

describe('one-time codes', () => {
  it('are 6 digits and spread over the whole range', () => {
    const codes = Array.from({ length: 2000 }, generateCode);
    expect(codes.every((c) => /^\d{6}$/.test(c))).toBe(true);
    expect(new Set(codes).size).toBeGreaterThan(1990);
    expect(codes.some((c) => c.startsWith('0'))).toBe(true);
  });

  it('are stored only as a salted hash keyed with the server secret and match in constant time', () => {
    const pepper = randomBytes(32);
    const stored = hashCode('123456', pepper);
    expect(JSON.stringify(stored)).not.toContain('123456');
    expect(codeMatches('123456', stored, pepper)).toBe(true);
    expect(codeMatches('123457', stored, pepper)).toBe(false);
    expect(hashCode('123456', pepper).hash).not.toBe(stored.hash); // fresh salt each time
    // What is stored (hash and salt) does not find the code without the pepper: the salt is no key.
    expect(codeMatches('123456', stored, Buffer.from(stored.salt))).toBe(false);
    expect(codeMatches('123456', stored, randomBytes(32))).toBe(false);
  });

  it('clean what people type from an SMS', () => {
    expect(cleanCode(' 123 456 ')).toBe('123456');
    expect(cleanCode('123-456')).toBe('123456');
    expect(cleanCode('12345')).toBeNull();
    expect(cleanCode('12345a')).toBeNull();
  });
});
