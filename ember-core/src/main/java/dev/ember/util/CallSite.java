package dev.ember.util;

import java.security.CodeSource;
import java.util.Optional;

/**
 * Where in the user's program a job was started, as Spark shows it: {@code collect at WordCount.java:38}.
 * The action is the last RDD method on the stack before the first frame of the user's code. Ember's own
 * classes count as user code when they are examples or tests, which is how people read them.
 */
public final class CallSite {

  private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

  /**
   * Whether a class is Ember's own, decided once a class: every RDD constructed walks the stack (SQL queries
   * build dozens of RDDs over deep stacks), and reading a class's code source is the costly part of a walk.
   */
  private static final ClassValue<Boolean> EMBER_INTERNAL = new ClassValue<>() {
    @Override
    protected Boolean computeValue(Class<?> type) {
      return computeEmberInternal(type);
    }
  };

  private CallSite() {}

  /** The call site of the current thread's stack, or {@code "unknown"} if none can be found. */
  public static String capture() {
    return walk(false);
  }

  /**
   * Where the RDD being constructed was created, as Spark's {@code getCreationSite} shows it:
   * {@code map at WordCount.java:31}, {@code parallelize at Pi.java:20}. The method named is the last RDD
   * method (or {@code EmberContext} method, for source RDDs) called before the user's frame.
   *
   * @return the creation site, or {@code "unknown"} if no user frame is on the stack
   */
  public static String creationSite() {
    return walk(true);
  }

  private static String walk(boolean creation) {
    return WALKER.walk(frames -> {
      String[] action = new String[1];
      Optional<StackWalker.StackFrame> user = frames.filter(frame -> {
        Class<?> type = frame.getDeclaringClass();
        String name = type.getName();
        if (name.startsWith("java.") || name.startsWith("jdk.") || name.startsWith("sun.")) {
          return false;
        }
        if (isEmberInternal(type)) {
          if (namesTheCall(name, frame.getMethodName(), creation)) {
            action[0] = frame.getMethodName();
          }
          return false;
        }
        return true;
      }).findFirst();
      return user.map(frame -> {
        String file = frame.getFileName() == null ? frame.getClassName() : frame.getFileName();
        String location = frame.getLineNumber() >= 0 ? file + ":" + frame.getLineNumber() : file;
        return (action[0] == null ? frame.getMethodName() : action[0]) + " at " + location;
      }).orElse("unknown");
    });
  }

  private static boolean namesTheCall(String className, String method, boolean creation) {
    if (method.startsWith("lambda$")) {
      return false;
    }
    if (!creation) {
      return className.startsWith("dev.ember.rdd.");
    }
    return !method.startsWith("<") && (className.startsWith("dev.ember.rdd.")
        || className.equals("dev.ember.EmberContext"));
  }

  static boolean isEmberInternal(Class<?> type) {
    return EMBER_INTERNAL.get(type);
  }

  private static boolean computeEmberInternal(Class<?> type) {
    String name = type.getName();
    if (!name.startsWith("dev.ember.") || name.startsWith("dev.ember.examples.")) {
      return false;
    }
    CodeSource source = type.getProtectionDomain().getCodeSource();
    return source == null || source.getLocation() == null
        || !source.getLocation().getPath().endsWith("test-classes/");
  }
}
