/**
 * Field codecs: bytes of one elementary field to a value and back, knowing nothing about copybooks. Code pages
 * ({@code CodePage}), zoned decimal, packed decimal (COMP-3), binary integers (COMP, COMP-5), IBM and IEEE floating
 * point (COMP-1, COMP-2) and numeric-edited pictures, with the {@code NumericFormat} (digits, scale, sign) they
 * read and the reusable {@code DecodedNumber} they fill without allocating. The encoders exist for test data
 * generation.
 *
 * <p>May use: {@code dev.ringline.cobol.error} and {@code dev.ringline.memory} (buffers).
 */
package dev.ringline.cobol.codec;
