package dev.ember.cli;

import dev.ember.EmberException;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;
import java.util.Map;
import java.util.jar.JarFile;

/**
 * Runs an application's {@code main} with Ember's configuration taken from the command line: the entry
 * point behind {@code bin/ember-submit} and {@code bin/run-example}. Settings become JVM system properties,
 * which {@code new EmberConf()} reads, so the application needs no code to honour them.
 */
public final class EmberSubmit {

  private EmberSubmit() {}

  /** Parses the command line and runs the application; exits non-zero with a message on failure. */
  public static void main(String[] args) {
    SubmitArguments submit;
    try {
      submit = SubmitArguments.parse(Arrays.asList(args));
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(e.getMessage().startsWith("Usage") ? 0 : 2);
      return;
    }
    try {
      run(submit);
    } catch (SubmitException e) {
      System.err.println("ember-submit: " + e.getMessage());
      System.exit(1);
    } catch (Throwable t) {
      Throwable shown = t instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : t;
      System.err.println("Exception in application: " + describe(shown));
      if (System.getenv("EMBER_VERBOSE") != null) {
        shown.printStackTrace();
      } else {
        System.err.println("(set EMBER_VERBOSE=1 for the full stack trace)");
      }
      System.exit(1);
    }
  }

  /** Applies the settings and invokes the application's main method in this thread. */
  static void run(SubmitArguments submit) throws Throwable {
    File jar = new File(submit.appJar());
    if (!jar.isFile()) {
      throw new SubmitException("Application jar " + submit.appJar() + " does not exist.");
    }
    for (Map.Entry<String, String> setting : submit.conf().entrySet()) {
      if (!setting.getKey().startsWith("spark.") && !setting.getKey().startsWith("ember.")) {
        System.err.println("Warning: ignoring configuration key '" + setting.getKey()
            + "': keys start with spark. or ember.");
        continue;
      }
      System.setProperty(setting.getKey(), setting.getValue());
    }
    String mainClassName = submit.mainClass() != null ? submit.mainClass() : manifestMainClass(jar);
    if (submit.master() != null) {
      System.setProperty("spark.master", submit.master());
    } else if (System.getProperty("spark.master") == null && System.getProperty("ember.master") == null) {
      System.setProperty("spark.master", "local[*]");
    }
    if (submit.name() != null) {
      System.setProperty("spark.app.name", submit.name());
    } else if (System.getProperty("spark.app.name") == null && System.getProperty("ember.app.name") == null) {
      System.setProperty("spark.app.name", mainClassName);
    }
    // The driver serves the application jar to cluster executors, which load the job's classes from it.
    String jars = System.getProperty("ember.jars", System.getProperty("spark.jars", ""));
    System.clearProperty("spark.jars");
    System.setProperty("ember.jars", jars.isBlank() ? jar.getAbsolutePath() : jars + "," + jar.getAbsolutePath());
    URLClassLoader loader = new URLClassLoader(new URL[] {jar.toURI().toURL()},
        EmberSubmit.class.getClassLoader());
    Thread.currentThread().setContextClassLoader(loader);
    Class<?> mainClass;
    try {
      mainClass = Class.forName(mainClassName, true, loader);
    } catch (ClassNotFoundException e) {
      throw new SubmitException("Class " + mainClassName + " was not found in " + jar + " or on the classpath.");
    }
    Method main;
    try {
      main = mainClass.getMethod("main", String[].class);
    } catch (NoSuchMethodException e) {
      throw new SubmitException("Class " + mainClassName + " has no public static main(String[]) method.");
    }
    if (!Modifier.isStatic(main.getModifiers())) {
      throw new SubmitException("The main method of " + mainClassName + " must be static.");
    }
    try {
      main.invoke(null, (Object) submit.appArgs().toArray(new String[0]));
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static String manifestMainClass(File jar) throws IOException {
    try (JarFile jarFile = new JarFile(jar)) {
      String name = jarFile.getManifest() == null ? null
          : jarFile.getManifest().getMainAttributes().getValue("Main-Class");
      if (name == null) {
        throw new SubmitException("No --class given and " + jar + " names no Main-Class in its manifest.");
      }
      return name;
    }
  }

  private static String describe(Throwable t) {
    if (t instanceof EmberException) {
      return t.getMessage();
    }
    return t.toString();
  }

  /** A problem with the submission itself, reported without a stack trace. */
  static final class SubmitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SubmitException(String message) {
      super(message);
    }
  }
}
