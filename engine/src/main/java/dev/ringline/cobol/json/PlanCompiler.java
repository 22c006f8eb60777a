package dev.ringline.cobol.json;

import dev.ringline.buffer.ByteVector;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Turns a {@link FlatPlan} into a hidden class of straight-line code for its layout: per value, the literal before
 * it as constant stores and a call of its direct writer with constant offset, length, scale and sign, which the JIT
 * folds after inlining. The generated code covers the common case only: a record shorter than the layout goes whole
 * to {@link FlatPlan#write}, a value its direct writer declines to {@link FlatPlan#finishFrom} (the rest of the
 * record interpreted), a value without a direct writer to {@link FlatPlan#general}; so validation, errors and the
 * lenient policy stay the tree's. Values are split over methods of {@value #VALUES_PER_METHOD}.
 */
final class PlanCompiler {
    /**
     * Values per generated method: each method is compiled on its own, far below HotSpot's 8,000-byte limit on
     * compiled methods. Measured (comp3, mixed): 16 is as fast as one method for the whole record; methods cut to
     * what C2 inlines whole (about 4 numbers) were 3-10% slower: they were small enough to be inlined back into
     * {@code write}, and its inlining budget ran out there instead.
     */
    static final int VALUES_PER_METHOD = 16;
    /** Literals longer than this are copied from the plan instead of stored as constants. */
    private static final int MAX_STORED_LITERAL = 64;

    private static final String NAME = Type.getInternalName(PlanCompiler.class).replace("PlanCompiler", "PlanCode");
    private static final String PLAN = Type.getInternalName(FlatPlan.class);
    private static final String PLAN_DESC = Type.getDescriptor(FlatPlan.class);
    private static final String TEXT = Type.getInternalName(JsonText.class);
    private static final String TEXT_DESC = Type.getDescriptor(JsonText.class);
    private static final String TRIM_DESC = Type.getDescriptor(Trim.class);
    private static final String CONTEXT = Type.getInternalName(RecordDecoder.Context.class);
    private static final String CONTEXT_DESC = Type.getDescriptor(RecordDecoder.Context.class);
    private static final String VECTOR = Type.getInternalName(ByteVector.class);
    private static final String VECTOR_DESC = Type.getDescriptor(ByteVector.class);
    private static final String NUMBERS = Type.getInternalName(DirectNumbers.class);
    private static final String STORES = Type.getInternalName(LiteralStores.class);
    private static final String PART_DESC = "(" + CONTEXT_DESC + VECTOR_DESC + "I)I";
    private static final String WRITE_DESC = "(" + CONTEXT_DESC + VECTOR_DESC + ")V";

    // locals of a part method
    private static final int CTX = 0;
    private static final int OUT = 1;
    private static final int P = 2;
    private static final int SRC = 3;
    private static final int OFF = 4;
    private static final int A = 5;
    private static final int END = 6;

    private PlanCompiler() {
    }

    /**
     * The plan as generated code.
     *
     * @throws IllegalStateException if the class cannot be generated or defined (the caller may then interpret)
     */
    static PlanWriter compile(FlatPlan plan) {
        byte[] bytes = classBytes(plan);
        try {
            MethodHandles.Lookup code = MethodHandles.lookup().defineHiddenClassWithClassData(bytes,
                    new Object[] {plan, plan.text(), plan.trim()}, true);
            return (PlanWriter) code.findConstructor(code.lookupClass(), MethodType.methodType(void.class)).invoke();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot define the code of a flat plan", e);
        }
    }

    private static byte[] classBytes(FlatPlan plan) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, NAME, null, "java/lang/Object",
                new String[] {Type.getInternalName(PlanWriter.class)});
        int statics = Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL;
        cw.visitField(statics, "PLAN", PLAN_DESC, null, null).visitEnd();
        cw.visitField(statics, "TEXT", TEXT_DESC, null, null).visitEnd();
        cw.visitField(statics, "TRIM", TRIM_DESC, null, null).visitEnd();
        staticInit(cw);
        constructor(cw);
        int parts = (plan.size() + VALUES_PER_METHOD - 1) / VALUES_PER_METHOD;
        for (int k = 0; k < parts; k++) {
            part(cw, plan, k * VALUES_PER_METHOD, Math.min(plan.size(), (k + 1) * VALUES_PER_METHOD), k);
        }
        write(cw, plan, parts);
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** Whether value {@code i} is a number with a direct writer. */
    private static boolean direct(FlatPlan plan, int i) {
        int len = plan.length(i);
        switch (plan.kind(i)) {
            case FlatPlan.PACKED:
                return len <= DirectNumbers.MAX_PACKED_BYTES;
            case FlatPlan.ZONED:
                return len <= DirectNumbers.MAX_ZONED_BYTES;
            case FlatPlan.BINARY_BIG:
            case FlatPlan.BINARY_LITTLE:
                return true;
            default:
                return false;
        }
    }

    /** The static finals (constants to the JIT) from the class data: the plan, its text writer and trim. */
    private static void staticInit(ClassWriter cw) {
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
        mv.visitCode();
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/invoke/MethodHandles", "lookup",
                "()Ljava/lang/invoke/MethodHandles$Lookup;", false);
        mv.visitLdcInsn("_");
        mv.visitLdcInsn(Type.getType(Object[].class));
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/invoke/MethodHandles", "classData",
                "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;)Ljava/lang/Object;",
                false);
        mv.visitTypeInsn(Opcodes.CHECKCAST, "[Ljava/lang/Object;");
        mv.visitVarInsn(Opcodes.ASTORE, 0);
        String[][] fields = {{"PLAN", PLAN, PLAN_DESC}, {"TEXT", TEXT, TEXT_DESC},
            {"TRIM", Type.getInternalName(Trim.class), TRIM_DESC}};
        for (int i = 0; i < fields.length; i++) {
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            push(mv, i);
            mv.visitInsn(Opcodes.AALOAD);
            mv.visitTypeInsn(Opcodes.CHECKCAST, fields[i][1]);
            mv.visitFieldInsn(Opcodes.PUTSTATIC, NAME, fields[i][0], fields[i][2]);
        }
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private static void constructor(ClassWriter cw) {
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        mv.visitCode();
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /**
     * {@code write(ctx, out)}: a record shorter than the layout goes to the interpreter; else room once, the parts in
     * turn (one returns -1 when the interpreter finished the record), the text after the last value.
     */
    private static void write(ClassWriter cw, FlatPlan plan, int parts) {
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC, "write", WRITE_DESC, null, null);
        mv.visitCode();
        int ctx = 1;
        int out = 2;
        int p = 3;
        int a = 4;
        Label fits = new Label();
        mv.visitVarInsn(Opcodes.ALOAD, ctx);
        mv.visitFieldInsn(Opcodes.GETFIELD, CONTEXT, "len", "I");
        push(mv, end(plan));
        mv.visitJumpInsn(Opcodes.IF_ICMPGE, fits);
        mv.visitFieldInsn(Opcodes.GETSTATIC, NAME, "PLAN", PLAN_DESC);
        mv.visitVarInsn(Opcodes.ALOAD, ctx);
        mv.visitVarInsn(Opcodes.ALOAD, out);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, PLAN, "write", WRITE_DESC, false);
        mv.visitInsn(Opcodes.RETURN);
        mv.visitLabel(fits);
        mv.visitVarInsn(Opcodes.ALOAD, out);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, VECTOR, "length", "()I", false);
        mv.visitVarInsn(Opcodes.ISTORE, p);
        mv.visitVarInsn(Opcodes.ALOAD, out);
        mv.visitVarInsn(Opcodes.ILOAD, p);
        push(mv, plan.maxBytes());
        mv.visitInsn(Opcodes.IADD);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, VECTOR, "ensureCapacity", "(I)V", false);
        for (int k = 0; k < parts; k++) {
            mv.visitVarInsn(Opcodes.ALOAD, ctx);
            mv.visitVarInsn(Opcodes.ALOAD, out);
            mv.visitVarInsn(Opcodes.ILOAD, p);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, NAME, "part" + k, PART_DESC, false);
            mv.visitVarInsn(Opcodes.ISTORE, p);
            Label next = new Label();
            mv.visitVarInsn(Opcodes.ILOAD, p);
            mv.visitJumpInsn(Opcodes.IFGE, next);
            mv.visitInsn(Opcodes.RETURN);
            mv.visitLabel(next);
        }
        mv.visitVarInsn(Opcodes.ALOAD, out);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, VECTOR, "array", "()[B", false);
        mv.visitVarInsn(Opcodes.ASTORE, a);
        literal(mv, plan.after(), -1, a, p);
        mv.visitVarInsn(Opcodes.ALOAD, out);
        mv.visitVarInsn(Opcodes.ILOAD, p);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, VECTOR, "setLength", "(I)V", false);
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** The end of the last value in the record: a record at least this long takes the generated code. */
    private static int end(FlatPlan plan) {
        int end = 0;
        for (int i = 0; i < plan.size(); i++) {
            end = Math.max(end, plan.offset(i) + plan.length(i));
        }
        return end;
    }

    /** {@code static int part<k>(ctx, out, p)}: values {@code from} to {@code to}; the position after, or -1. */
    private static void part(ClassWriter cw, FlatPlan plan, int from, int to, int k) {
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC, "part" + k, PART_DESC, null,
                null);
        mv.visitCode();
        mv.visitVarInsn(Opcodes.ALOAD, CTX);
        mv.visitFieldInsn(Opcodes.GETFIELD, CONTEXT, "src", "[B");
        mv.visitVarInsn(Opcodes.ASTORE, SRC);
        mv.visitVarInsn(Opcodes.ALOAD, CTX);
        mv.visitFieldInsn(Opcodes.GETFIELD, CONTEXT, "off", "I");
        mv.visitVarInsn(Opcodes.ISTORE, OFF);
        mv.visitVarInsn(Opcodes.ALOAD, OUT);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, VECTOR, "array", "()[B", false);
        mv.visitVarInsn(Opcodes.ASTORE, A);
        for (int i = from; i < to; i++) {
            literal(mv, plan.before(i), i, A, P);
            value(mv, plan, i);
        }
        mv.visitVarInsn(Opcodes.ILOAD, P);
        mv.visitInsn(Opcodes.IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** Value {@code i} at position P: its direct writer with constant arguments, or its general writer. */
    private static void value(MethodVisitor mv, FlatPlan plan, int i) {
        byte kind = plan.kind(i);
        if (kind == FlatPlan.TEXT) {
            mv.visitFieldInsn(Opcodes.GETSTATIC, NAME, "TEXT", TEXT_DESC);
            source(mv, plan, i);
            mv.visitFieldInsn(Opcodes.GETSTATIC, NAME, "TRIM", TRIM_DESC);
            target(mv);
            mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, TEXT, "appendSingleByte", "([BII" + TRIM_DESC + "[BI)I",
                    false);
            mv.visitVarInsn(Opcodes.ISTORE, P);
            return;
        }
        boolean binary = kind == FlatPlan.BINARY_BIG || kind == FlatPlan.BINARY_LITTLE;
        if (!direct(plan, i)) { // the interpreter would call the general writer on every record too
            callPlan(mv, "general", i, "I");
            mv.visitVarInsn(Opcodes.ISTORE, P);
            mv.visitVarInsn(Opcodes.ALOAD, OUT);
            mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, VECTOR, "array", "()[B", false);
            mv.visitVarInsn(Opcodes.ASTORE, A);
            return;
        }
        source(mv, plan, i);
        if (binary) {
            push(mv, plan.signed(i) ? 1 : 0);
            push(mv, kind == FlatPlan.BINARY_BIG ? 1 : 0);
            push(mv, plan.quoted() ? 1 : 0);
            target(mv);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, NUMBERS, "binary", "([BIIZZZ[BI)I", false);
        } else {
            push(mv, plan.scale(i));
            push(mv, plan.signed(i) ? 1 : 0);
            push(mv, plan.quoted() ? 1 : 0);
            target(mv);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, NUMBERS, kind == FlatPlan.PACKED ? "packed" : "zoned",
                    "([BIIIZZ[BI)I", false);
        }
        mv.visitVarInsn(Opcodes.ISTORE, END);
        Label direct = new Label();
        mv.visitVarInsn(Opcodes.ILOAD, END);
        mv.visitJumpInsn(Opcodes.IFGE, direct);
        callPlan(mv, "finishFrom", i, "V");
        push(mv, -1);
        mv.visitInsn(Opcodes.IRETURN);
        mv.visitLabel(direct);
        mv.visitVarInsn(Opcodes.ILOAD, END);
        mv.visitVarInsn(Opcodes.ISTORE, P);
    }

    /** Calls {@code PLAN.<method>(i, ctx, out, p)}, which returns {@code returns} (a descriptor). */
    private static void callPlan(MethodVisitor mv, String method, int i, String returns) {
        mv.visitFieldInsn(Opcodes.GETSTATIC, NAME, "PLAN", PLAN_DESC);
        push(mv, i);
        mv.visitVarInsn(Opcodes.ALOAD, CTX);
        mv.visitVarInsn(Opcodes.ALOAD, OUT);
        mv.visitVarInsn(Opcodes.ILOAD, P);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, PLAN, method, "(I" + CONTEXT_DESC + VECTOR_DESC + "I)" + returns,
                false);
    }

    /** Pushes {@code src, off + offset, length} of value {@code i}. */
    private static void source(MethodVisitor mv, FlatPlan plan, int i) {
        mv.visitVarInsn(Opcodes.ALOAD, SRC);
        mv.visitVarInsn(Opcodes.ILOAD, OFF);
        push(mv, plan.offset(i));
        mv.visitInsn(Opcodes.IADD);
        push(mv, plan.length(i));
    }

    /** Pushes {@code a, p}. */
    private static void target(MethodVisitor mv) {
        mv.visitVarInsn(Opcodes.ALOAD, A);
        mv.visitVarInsn(Opcodes.ILOAD, P);
    }

    /**
     * Stores {@code bytes} at {@code a[p]} as constants and advances {@code p}: 8 bytes at a time, the last store of
     * a longer literal overlapping the one before it; a literal under 8 bytes as two overlapping 4- or 2-byte stores
     * or one byte. Nothing is written past the literal. A long literal is copied from the plan (the text before value
     * {@code i}, or after the last value if {@code i} is -1).
     */
    private static void literal(MethodVisitor mv, byte[] bytes, int i, int a, int p) {
        int n = bytes.length;
        if (n > MAX_STORED_LITERAL) {
            mv.visitFieldInsn(Opcodes.GETSTATIC, NAME, "PLAN", PLAN_DESC);
            if (i < 0) {
                mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, PLAN, "after", "()[B", false);
            } else {
                push(mv, i);
                mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, PLAN, "before", "(I)[B", false);
            }
            push(mv, 0);
            mv.visitVarInsn(Opcodes.ALOAD, a);
            mv.visitVarInsn(Opcodes.ILOAD, p);
            push(mv, n);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/System", "arraycopy",
                    "(Ljava/lang/Object;ILjava/lang/Object;II)V", false);
        } else if (n >= 8) {
            for (int at = 0; at < n; at += 8) {
                store(mv, bytes, Math.min(at, n - 8), 8, a, p);
            }
        } else if (n >= 4) {
            store(mv, bytes, 0, 4, a, p);
            store(mv, bytes, n - 4, 4, a, p);
        } else if (n >= 2) {
            store(mv, bytes, 0, 2, a, p);
            store(mv, bytes, n - 2, 2, a, p);
        } else if (n == 1) {
            store(mv, bytes, 0, 1, a, p);
        }
        if (n > Short.MAX_VALUE) {
            mv.visitVarInsn(Opcodes.ILOAD, p);
            push(mv, n);
            mv.visitInsn(Opcodes.IADD);
            mv.visitVarInsn(Opcodes.ISTORE, p);
        } else if (n > 0) {
            mv.visitIincInsn(p, n);
        }
    }

    /** One store of {@code width} bytes of {@code bytes} from {@code at}, at {@code a[p + at]}. */
    private static void store(MethodVisitor mv, byte[] bytes, int at, int width, int a, int p) {
        long v = 0;
        for (int k = width - 1; k >= 0; k--) {
            v = v << 8 | (bytes[at + k] & 0xFF);
        }
        mv.visitVarInsn(Opcodes.ALOAD, a);
        mv.visitVarInsn(Opcodes.ILOAD, p);
        if (at > 0) {
            push(mv, at);
            mv.visitInsn(Opcodes.IADD);
        }
        switch (width) {
            case 8:
                mv.visitLdcInsn(v);
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, STORES, "putLong", "([BIJ)V", false);
                break;
            case 4:
                mv.visitLdcInsn((int) v);
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, STORES, "putInt", "([BII)V", false);
                break;
            case 2:
                push(mv, (short) v);
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, STORES, "putShort", "([BIS)V", false);
                break;
            default:
                push(mv, (byte) v);
                mv.visitInsn(Opcodes.BASTORE);
                break;
        }
    }

    /** Pushes an int constant with the shortest instruction. */
    private static void push(MethodVisitor mv, int v) {
        if (v >= -1 && v <= 5) {
            mv.visitInsn(Opcodes.ICONST_0 + v);
        } else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) {
            mv.visitIntInsn(Opcodes.BIPUSH, v);
        } else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
            mv.visitIntInsn(Opcodes.SIPUSH, v);
        } else {
            mv.visitLdcInsn(v);
        }
    }
}
