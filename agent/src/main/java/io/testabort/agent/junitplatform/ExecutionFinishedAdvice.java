package io.testabort.agent.junitplatform;

import net.bytebuddy.asm.Advice;
import org.junit.platform.engine.TestDescriptor;

/** Inlined into {@code ExecutionListenerAdapter.executionFinished(TestDescriptor, TestExecutionResult)}. */
public final class ExecutionFinishedAdvice {
  private ExecutionFinishedAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter(@Advice.Argument(0) TestDescriptor descriptor) {
    PlatformEvents.finished(descriptor.getUniqueId().toString());
  }
}
