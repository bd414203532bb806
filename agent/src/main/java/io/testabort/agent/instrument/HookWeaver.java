package io.testabort.agent.instrument;

import io.testabort.agent.bridge.BootBridge;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Rewrites a hooked class in one pass of ASM's visitor API (the ASM inside Byte Buddy): the hooked methods
 * get a few instructions that box their receiver and arguments into an {@code Object[]} and call the
 * bridge, {@code java.lang.TestAbortBridge}; every other method is copied as it is. Only members are
 * changed, none are added, so the same rewrite serves a class's first load and a retransformation.
 *
 * <p>Frames are not recomputed (that would need the class hierarchy, hence class loading): the injected
 * code adds branch targets only where the frame is the method's initial one, written out in full.
 */
final class HookWeaver implements Weaver {
  private static final String BRIDGE = BootBridge.INTERNAL_NAME;
  private static final String CALL = "(Ljava/lang/String;[Ljava/lang/Object;)Ljava/lang/Object;";
  private static final String SKIP = "(Ljava/lang/String;[Ljava/lang/Object;)Z";
  private static final String MAY_THROW = "(Ljava/lang/String;[Ljava/lang/Object;)V";
  /** Enough for the injected code on top of whatever the method keeps on its stack. */
  private static final int EXTRA_STACK = 8;

  /** The ASM API version its visitors ask for: the newest that the ASM it is bound to knows. */
  private final int api;

  /** A weaver on the agent's own (shaded) ASM. */
  HookWeaver() {
    this(Opcodes.ASM9);
  }

  /** Called reflectively for the copy bound to the JDK's ASM ({@link JdkAsmWeaver}). */
  HookWeaver(int api) {
    this.api = api;
  }

  @Override
  public byte[] weave(byte[] classFile, List<HookPoint> points) {
    ClassReader reader = new ClassReader(classFile);
    // the reader lets the writer copy every untouched method and the constant pool as they are
    ClassWriter writer = new ClassWriter(reader, 0);
    reader.accept(new ClassHooks(api, writer, points), 0);
    return writer.toByteArray();
  }

  private static final class ClassHooks extends ClassVisitor {
    private final List<HookPoint> points;
    private String owner;
    private boolean frames;

    ClassHooks(int api, ClassVisitor next, List<HookPoint> points) {
      super(api, next);
      this.points = points;
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
      owner = name;
      // class files before Java 6 carry no stack map frames
      frames = (version & 0xFFFF) >= Opcodes.V1_6;
      super.visit(version, access, name, signature, superName, interfaces);
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
      MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
      int skipped = Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE | Opcodes.ACC_BRIDGE | Opcodes.ACC_STATIC;
      if ((access & skipped) != 0 || name.charAt(0) == '<') {
        return mv;
      }
      int parameterCount = Type.getArgumentTypes(descriptor).length;
      List<HookPoint> matched = null;
      for (HookPoint p : points) {
        if (p.matches(name, parameterCount)) {
          if (matched == null) {
            matched = new ArrayList<>(2);
          }
          matched.add(p);
        }
      }
      return matched == null ? mv : new MethodHooks(api, mv, owner, descriptor, frames, matched);
    }
  }

  private static final class MethodHooks extends MethodVisitor {
    private final String owner;
    private final Type[] arguments;
    private final Type returnType;
    private final boolean frames;
    private final List<HookPoint> points;
    private final boolean around;
    private final Label tryStart = new Label();

    MethodHooks(int api, MethodVisitor next, String owner, String descriptor, boolean frames, List<HookPoint> points) {
      super(api, next);
      this.owner = owner;
      this.arguments = Type.getArgumentTypes(descriptor);
      this.returnType = Type.getReturnType(descriptor);
      this.frames = frames;
      this.points = points;
      boolean any = false;
      for (HookPoint p : points) {
        any |= p.kind == HookPoint.Kind.AROUND;
      }
      this.around = any;
    }

    @Override
    public void visitCode() {
      super.visitCode();
      for (HookPoint p : points) {
        switch (p.kind) {
          case ENTER:
          case AROUND:
            call(p.event);
            super.visitInsn(Opcodes.POP);
            break;
          case ENTER_MAY_THROW:
            super.visitLdcInsn(p.event);
            receiverAndArguments(0);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "mayThrow", MAY_THROW, false);
            break;
          case REPLACE_ARGUMENT:
            replaceArgument(p);
            break;
          case SKIP:
            skip(p);
            break;
          default:
            break;
        }
      }
      if (around) {
        super.visitLabel(tryStart);
      }
    }

    @Override
    public void visitInsn(int opcode) {
      if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
        for (HookPoint p : points) {
          if (p.kind == HookPoint.Kind.REPLACE_RETURN && opcode == Opcodes.ARETURN) {
            replaceReturned(p);
          }
        }
        for (HookPoint p : points) {
          if (p.kind == HookPoint.Kind.RETURN) {
            call(p.event);
            super.visitInsn(Opcodes.POP);
          } else if (p.kind == HookPoint.Kind.AROUND) {
            call(p.exitEvent);
            super.visitInsn(Opcodes.POP);
          }
        }
      }
      super.visitInsn(opcode);
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
      if (around) {
        // every way out by a throwable: the exit hooks, then the same throwable on its way
        Label tryEnd = new Label();
        Label handler = new Label();
        super.visitLabel(tryEnd);
        super.visitLabel(handler);
        initialFrame(new Object[] {"java/lang/Throwable"});
        for (int i = points.size() - 1; i >= 0; i--) {
          HookPoint p = points.get(i);
          if (p.kind == HookPoint.Kind.AROUND) {
            call(p.exitEvent);
            super.visitInsn(Opcodes.POP);
          }
        }
        super.visitInsn(Opcodes.ATHROW);
        super.visitTryCatchBlock(tryStart, tryEnd, handler, null);
      }
      super.visitMaxs(maxStack + EXTRA_STACK, maxLocals);
    }

    /** Pushes {@code bridge.call(event, [this, arguments...])}, leaving its result on the stack. */
    private void call(String event) {
      super.visitLdcInsn(event);
      receiverAndArguments(0);
      super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "call", CALL, false);
    }

    /** Pushes a new {@code Object[]} of {@code lead} free slots and then {@code this, arguments...}. */
    private void receiverAndArguments(int lead) {
      push(lead + 1 + arguments.length);
      super.visitTypeInsn(Opcodes.ANEWARRAY, "java/lang/Object");
      storeReceiverAndArguments(lead);
    }

    private void storeReceiverAndArguments(int from) {
      super.visitInsn(Opcodes.DUP);
      push(from);
      super.visitVarInsn(Opcodes.ALOAD, 0);
      super.visitInsn(Opcodes.AASTORE);
      for (int i = 0; i < arguments.length; i++) {
        super.visitInsn(Opcodes.DUP);
        push(from + 1 + i);
        loadBoxed(i);
        super.visitInsn(Opcodes.AASTORE);
      }
    }

    private void replaceArgument(HookPoint p) {
      super.visitLdcInsn(p.event);
      push(2 + arguments.length);
      super.visitTypeInsn(Opcodes.ANEWARRAY, "java/lang/Object");
      super.visitInsn(Opcodes.DUP);
      push(0);
      super.visitVarInsn(Opcodes.ALOAD, slot(p.index));
      super.visitInsn(Opcodes.AASTORE);
      storeReceiverAndArguments(1);
      super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "replace", CALL, false);
      super.visitTypeInsn(Opcodes.CHECKCAST, arguments[p.index].getInternalName());
      super.visitVarInsn(Opcodes.ASTORE, slot(p.index));
    }

    /** With the returned reference on the stack: the bridge's replacement for it, of the same type. */
    private void replaceReturned(HookPoint p) {
      push(2 + arguments.length);
      super.visitTypeInsn(Opcodes.ANEWARRAY, "java/lang/Object"); // returned, array
      super.visitInsn(Opcodes.DUP_X1); // array, returned, array
      super.visitInsn(Opcodes.SWAP); // array, array, returned
      push(0);
      super.visitInsn(Opcodes.SWAP); // array, array, 0, returned
      super.visitInsn(Opcodes.AASTORE); // array
      storeReceiverAndArguments(1);
      super.visitLdcInsn(p.event);
      super.visitInsn(Opcodes.SWAP);
      super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "replace", CALL, false);
      super.visitTypeInsn(Opcodes.CHECKCAST, returnType.getInternalName());
    }

    private void skip(HookPoint p) {
      super.visitLdcInsn(p.event);
      receiverAndArguments(0);
      super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "skip", SKIP, false);
      Label run = new Label();
      super.visitJumpInsn(Opcodes.IFEQ, run);
      switch (returnType.getSort()) {
        case Type.VOID:
          super.visitInsn(Opcodes.RETURN);
          break;
        case Type.LONG:
          super.visitInsn(Opcodes.LCONST_0);
          super.visitInsn(Opcodes.LRETURN);
          break;
        case Type.FLOAT:
          super.visitInsn(Opcodes.FCONST_0);
          super.visitInsn(Opcodes.FRETURN);
          break;
        case Type.DOUBLE:
          super.visitInsn(Opcodes.DCONST_0);
          super.visitInsn(Opcodes.DRETURN);
          break;
        case Type.ARRAY:
        case Type.OBJECT:
          super.visitInsn(Opcodes.ACONST_NULL);
          super.visitInsn(Opcodes.ARETURN);
          break;
        default:
          super.visitInsn(Opcodes.ICONST_0);
          super.visitInsn(Opcodes.IRETURN);
          break;
      }
      super.visitLabel(run);
      initialFrame(new Object[0]);
      // the method's own first frame, if it has one, must not share this offset
      super.visitInsn(Opcodes.NOP);
    }

    /** A full frame with the method's initial locals ({@code this} and the arguments) and {@code stack}. */
    private void initialFrame(Object[] stack) {
      if (!frames) {
        return;
      }
      Object[] locals = new Object[1 + arguments.length];
      locals[0] = owner;
      for (int i = 0; i < arguments.length; i++) {
        locals[1 + i] = frameType(arguments[i]);
      }
      super.visitFrame(Opcodes.F_FULL, locals.length, locals, stack.length, stack);
    }

    private static Object frameType(Type t) {
      switch (t.getSort()) {
        case Type.BOOLEAN:
        case Type.BYTE:
        case Type.CHAR:
        case Type.SHORT:
        case Type.INT:
          return Opcodes.INTEGER;
        case Type.LONG:
          return Opcodes.LONG;
        case Type.FLOAT:
          return Opcodes.FLOAT;
        case Type.DOUBLE:
          return Opcodes.DOUBLE;
        default:
          return t.getInternalName();
      }
    }

    private int slot(int argument) {
      int slot = 1;
      for (int i = 0; i < argument; i++) {
        slot += arguments[i].getSize();
      }
      return slot;
    }

    private void loadBoxed(int argument) {
      Type t = arguments[argument];
      super.visitVarInsn(t.getOpcode(Opcodes.ILOAD), slot(argument));
      String box;
      switch (t.getSort()) {
        case Type.BOOLEAN: box = "java/lang/Boolean"; break;
        case Type.BYTE: box = "java/lang/Byte"; break;
        case Type.CHAR: box = "java/lang/Character"; break;
        case Type.SHORT: box = "java/lang/Short"; break;
        case Type.INT: box = "java/lang/Integer"; break;
        case Type.LONG: box = "java/lang/Long"; break;
        case Type.FLOAT: box = "java/lang/Float"; break;
        case Type.DOUBLE: box = "java/lang/Double"; break;
        default: return;
      }
      super.visitMethodInsn(
          Opcodes.INVOKESTATIC, box, "valueOf", "(" + t.getDescriptor() + ")L" + box + ";", false);
    }

    private void push(int value) {
      if (value <= 5) {
        super.visitInsn(Opcodes.ICONST_0 + value);
      } else {
        super.visitIntInsn(Opcodes.BIPUSH, value);
      }
    }
  }
}
