package io.testabort.agent.junitplatform;

import net.bytebuddy.asm.Advice;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * Inlined into Jupiter's {@code shouldBeSkipped} (of {@code JupiterTestDescriptor}, which classes, test
 * methods and invocations inherit, and of {@code DynamicNodeTestDescriptor}), on exit: a node on the skip
 * list is skipped by Jupiter itself, with the reason, before anything of it runs. The source is read as
 * in {@link ExecutionStartedAdvice}; advice cannot share a helper that takes framework types.
 */
public final class JupiterSkipAdvice {
  private JupiterSkipAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  static void exit(@Advice.This TestDescriptor descriptor, @Advice.Return(readOnly = false) Node.SkipResult result) {
    // on every node's path: without a skip list, do nothing (not even build the unique id string)
    if (!PlatformEvents.skipListConfigured() || (result != null && result.isSkipped())) {
      return;
    }
    Object source = descriptor.getSource().orElse(null);
    String className = null;
    String methodName = null;
    if (source instanceof MethodSource) {
      className = ((MethodSource) source).getClassName();
      methodName = ((MethodSource) source).getMethodName();
    } else if (source instanceof ClassSource) {
      className = ((ClassSource) source).getClassName();
    }
    String reason =
        PlatformEvents.skipReason(
            descriptor.getUniqueId().toString(), descriptor.getDisplayName(), descriptor.isTest(), className, methodName);
    if (reason != null) {
      result = Node.SkipResult.skip(reason);
    }
  }
}
