package io.testabort.agent.instrument;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.pool.TypePool;

/**
 * Applies advice to the few hooked classes with Byte Buddy's {@link Advice}, nothing more. Byte Buddy's
 * {@code AgentBuilder} would also work but sets up class injection through {@code sun.misc.Unsafe}
 * (a warning on JDK 24+) and loads far more classes than these few rewrites need.
 *
 * <p>Advice classes are read by name from the agent jar and never loaded: they mention framework types
 * that only the framework's class loader can resolve, so each rewrite resolves types through the agent
 * jar and the loader of the class being rewritten.
 */
final class AdviceTransformer implements Hooks {
  private final ClassFileLocator agentClasses;
  private final Map<String, List<Hook>> hooks = new HashMap<>();
  private final ByteBuddy byteBuddy = new ByteBuddy().with(TypeValidation.DISABLED);

  private static final class Hook {
    final ElementMatcher<? super MethodDescription> methods;
    final String adviceClass;

    Hook(ElementMatcher<? super MethodDescription> methods, String adviceClass) {
      this.methods = methods;
      this.adviceClass = adviceClass;
    }
  }

  AdviceTransformer(File agentJar) throws IOException {
    this.agentClasses = ClassFileLocator.ForJarFile.of(agentJar);
  }

  @Override
  public void advise(String className, ElementMatcher<? super MethodDescription> methods, String adviceClass) {
    hooks.computeIfAbsent(className.replace('.', '/'), k -> new ArrayList<>()).add(new Hook(methods, adviceClass));
  }

  /** The rewritten class file, or null when {@code internalName} is not hooked. */
  byte[] rewrite(ClassLoader loader, String internalName, byte[] bytes) {
    List<Hook> forClass = hooks.get(internalName);
    if (forClass == null) {
      return null;
    }
    String name = internalName.replace('/', '.');
    ClassFileLocator loaderClasses =
        loader == null ? ClassFileLocator.ForClassLoader.ofBootLoader() : ClassFileLocator.ForClassLoader.of(loader);
    ClassFileLocator locator =
        new ClassFileLocator.Compound(ClassFileLocator.Simple.of(name, bytes), agentClasses, loaderClasses);
    TypePool pool = TypePool.Default.WithLazyResolution.of(locator);
    TypeDescription type = pool.describe(name).resolve();
    net.bytebuddy.dynamic.DynamicType.Builder<?> builder = byteBuddy.redefine(type, locator);
    for (Hook hook : forClass) {
      AsmVisitorWrapper advice = Advice.to(pool.describe(hook.adviceClass).resolve(), locator).on(hook.methods);
      builder = builder.visit(advice);
    }
    return builder.make().getBytes();
  }
}
