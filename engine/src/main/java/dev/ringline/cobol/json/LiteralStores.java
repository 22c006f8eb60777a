package dev.ringline.cobol.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Stores of 2, 4 or 8 constant bytes at once, called by the code {@link PlanCompiler} generates to write a plan's
 * JSON literals: with the bytes as a constant argument, each call inlines to one store of an immediate.
 */
final class LiteralStores {
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORT =
            MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

    private LiteralStores() {
    }

    /** The 8 bytes of {@code v}, low byte first, at {@code a[p]}. */
    static void putLong(byte[] a, int p, long v) {
        LONG.set(a, p, v);
    }

    /** The 4 bytes of {@code v}, low byte first, at {@code a[p]}. */
    static void putInt(byte[] a, int p, int v) {
        INT.set(a, p, v);
    }

    /** The 2 bytes of {@code v}, low byte first, at {@code a[p]}. */
    static void putShort(byte[] a, int p, short v) {
        SHORT.set(a, p, v);
    }
}
