package io.testabort.agent.junitplatform;

import net.bytebuddy.asm.Advice;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;

/**
 * Inlined into {@code ExecutionListenerAdapter.executionStarted(TestDescriptor)}. It runs in the
 * framework's class loader, so it reads the descriptor there and hands the agent plain strings.
 */
public final class ExecutionStartedAdvice {
  private ExecutionStartedAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter(@Advice.Argument(0) TestDescriptor descriptor) {
    Object source = descriptor.getSource().orElse(null);
    String className = null;
    String methodName = null;
    if (source instanceof MethodSource) {
      className = ((MethodSource) source).getClassName();
      methodName = ((MethodSource) source).getMethodName();
    } else if (source instanceof ClassSource) {
      className = ((ClassSource) source).getClassName();
    }
    TestDescriptor parent = descriptor.getParent().orElse(null);
    PlatformEvents.started(
        descriptor.getUniqueId().toString(),
        parent == null ? null : parent.getUniqueId().toString(),
        descriptor.getDisplayName(),
        descriptor.isTest(),
        className,
        methodName);
  }
}
