package io.testabort.agent.junit4;

import io.testabort.agent.instrument.Reflect;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;

/**
 * What a JUnit 4 runner knows of its test class, read at each class start: the Java class, and whether it
 * has {@code @After} methods or {@code @Rule} members. One reader per runner class, for the JUnit that
 * runner comes from.
 *
 * <p>Read through JUnit's own fields ({@code ParentRunner.testClass}, {@code TestClass.clazz} and its maps
 * from annotation to members, the same in 4.12 and 4.13.2), not its getters: on JDK 17 a method called
 * reflectively more than 15 times gets a generated accessor class, and each class start called four
 * getters, so any run of more than a few classes generated four (in the 5,000-test JUnit 4 benchmark,
 * turning inflation off saved 25-145 ms of CPU, three batches, and this reader 35 ms). A field read generates
 * nothing. Looking the getters up also loaded JUnit's {@code Filter}, {@code Sorter} and {@code Orderer},
 * the parameter types of the runner's other public methods. When the fields are not there or not
 * readable (another JUnit, a closed module), the public getters are called as before.
 */
final class TestClassReader {
  private static final ClassValue<TestClassReader> BY_RUNNER_CLASS =
      new ClassValue<TestClassReader>() {
        @Override
        protected TestClassReader computeValue(Class<?> runnerClass) {
          return forJUnitOf(runnerClass.getClassLoader(), true);
        }
      };

  /** {@code ParentRunner.testClass}, {@code TestClass.clazz}, its methods and fields by annotation; all or none. */
  private final Field testClass;
  private final Field javaClass;
  private final Field methodsByAnnotation;
  private final Field fieldsByAnnotation;
  /** {@code org.junit.After} and {@code org.junit.Rule} of the runner's JUnit, or null when it has none. */
  private final Class<?> after;
  private final Class<?> rule;

  private TestClassReader(Field[] fields, Class<?> after, Class<?> rule) {
    this.testClass = fields == null ? null : fields[0];
    this.javaClass = fields == null ? null : fields[1];
    this.methodsByAnnotation = fields == null ? null : fields[2];
    this.fieldsByAnnotation = fields == null ? null : fields[3];
    this.after = after;
    this.rule = rule;
  }

  /** The reader for {@code runner}'s class (a {@code ParentRunner}). */
  static TestClassReader of(Object runner) {
    return BY_RUNNER_CLASS.get(runner.getClass());
  }

  /** {@code runner.getTestClass()}: JUnit's {@code TestClass}, or null. */
  Object testClass(Object runner) throws ReflectiveOperationException {
    return testClass != null ? testClass.get(runner) : Reflect.call(runner, "getTestClass");
  }

  /** {@code testClass.getJavaClass()}: null for a suite of classes given one by one. */
  Class<?> javaClass(Object testClass) throws ReflectiveOperationException {
    return (Class<?>) (javaClass != null ? javaClass.get(testClass) : Reflect.call(testClass, "getJavaClass"));
  }

  /** The runner's test class as a Java class: null for a suite of classes given one by one. */
  Class<?> javaClassOf(Object runner) throws ReflectiveOperationException {
    Object model = testClass(runner);
    return model == null ? null : javaClass(model);
  }

  /** Whether {@code testClass} has no {@code @After} method and no {@code @Rule} field or method, inherited ones included. */
  boolean hasNoAftersOrRules(Object testClass) throws ReflectiveOperationException {
    if (after == null || rule == null) {
      return false;
    }
    if (methodsByAnnotation != null) {
      Map<?, ?> methods = (Map<?, ?>) methodsByAnnotation.get(testClass);
      Map<?, ?> fields = (Map<?, ?>) fieldsByAnnotation.get(testClass);
      // as TestClass.getAnnotatedMembers reads them: an annotation absent from the map has no members
      return isEmpty(methods.get(after)) && isEmpty(methods.get(rule)) && isEmpty(fields.get(rule));
    }
    return isEmpty(Reflect.call(testClass, "getAnnotatedMethods", Class.class, after))
        && isEmpty(Reflect.call(testClass, "getAnnotatedMethods", Class.class, rule))
        && isEmpty(Reflect.call(testClass, "getAnnotatedFields", Class.class, rule));
  }

  private static boolean isEmpty(Object members) {
    return members == null || ((List<?>) members).isEmpty();
  }

  /** Whether this reader reads JUnit's fields, not its getters. */
  boolean readsFields() {
    return testClass != null;
  }

  /** The reader for the JUnit that {@code junit} loads; with {@code fields} false, one that calls the getters. */
  static TestClassReader forJUnitOf(ClassLoader junit, boolean fields) {
    Class<?> after = junitClass(junit, "org.junit.After");
    Class<?> rule = junitClass(junit, "org.junit.Rule");
    return new TestClassReader(fields ? junitFields(junit) : null, after, rule);
  }

  private static Field[] junitFields(ClassLoader junit) {
    try {
      Class<?> parentRunner = Class.forName("org.junit.runners.ParentRunner", false, junit);
      Class<?> testClass = Class.forName("org.junit.runners.model.TestClass", false, junit);
      return new Field[] {
        readable(parentRunner, "testClass", testClass),
        readable(testClass, "clazz", Class.class),
        readable(testClass, "methodsForAnnotations", Map.class),
        readable(testClass, "fieldsForAnnotations", Map.class)
      };
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return null; // another layout, or a module that does not open them: the public getters
    }
  }

  private static Field readable(Class<?> owner, String name, Class<?> type) throws NoSuchFieldException {
    Field f = owner.getDeclaredField(name);
    if (f.getType() != type) {
      throw new NoSuchFieldException(owner.getName() + '.' + name + " is a " + f.getType().getName());
    }
    f.setAccessible(true);
    return f;
  }

  private static Class<?> junitClass(ClassLoader junit, String name) {
    try {
      return Class.forName(name, false, junit);
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }
}
